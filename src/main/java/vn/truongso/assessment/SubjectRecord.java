package vn.truongso.assessment;

import org.jspecify.annotations.Nullable;

/**
 * One subject of a student's year. {@code exempt}: exempt from the practical part (TT22 art. 10) or
 * from the whole subject for the year (TT58 art. 12). {@code retest}: the summer re-assessment,
 * once taken.
 */
public record SubjectRecord(
    String code,
    SubjectKind kind,
    int periodsPerYear,
    boolean exempt,
    TermMarks term1,
    TermMarks term2,
    @Nullable Mark retest) {}
