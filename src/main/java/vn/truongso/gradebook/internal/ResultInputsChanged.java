package vn.truongso.gradebook.internal;

/**
 * A value that decides an approved period's results has changed: a re-test score, the conduct after
 * summer training or a corrected mark. Published inside the saving transaction, so the stored
 * results are recomputed with it or not at all.
 */
public record ResultInputsChanged(long schoolId, long classId) {}
