/**
 * Assessment: the Ministry's circulars on assessing students, one pure policy per circular. Nothing
 * here touches a database, a clock or Spring: every input is a parameter, every output a value with
 * the articles that decided it. {@link vn.truongso.assessment.Policies} chooses the circular for a
 * cohort.
 *
 * <p>Null-marked: a type is non-null unless it says {@code @Nullable} (NullAway checks it at every
 * compile); the sub-packages are marked too, each in its own {@code package-info}. A record's
 * component is non-null where a valid record needs it; a caller outside the marked code may still
 * pass null there (the evaluation API builds a record with gaps so that the check names them), so
 * {@code common.RecordCheck} tests those components for null before any policy evaluates.
 */
@org.jspecify.annotations.NullMarked
package vn.truongso.assessment;
