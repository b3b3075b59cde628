package vn.truongso.assessment;

import org.jspecify.annotations.Nullable;

/**
 * The year-end evaluation of a primary student (TT27).
 *
 * @param result art. 9.2, after the supplementary assessment when there was one
 * @param beforeSupplementary the year-end result the supplementary assessment followed; null when
 *     there was none
 * @param outcome {@link Outcome#PROMOTED} when the grade's programme is completed (or the principal
 *     promoted), {@link Outcome#RETEST} while a supplementary assessment is ahead, {@link
 *     Outcome#PRINCIPAL_DECIDES} when it is the principal's to decide, {@link Outcome#RETAINED}
 *     when the principal kept the student back
 * @param completedPrimary art. 11.3: grade 5 completed, "Hoàn thành chương trình tiểu học"
 */
public record PrimaryYearResult(
    PrimaryResult result,
    @Nullable PrimaryResult beforeSupplementary,
    Outcome outcome,
    boolean completedProgramme,
    boolean completedPrimary,
    @Nullable PrimaryCommendation commendation) {}
