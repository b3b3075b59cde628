package vn.truongso.gradebook.internal;

/**
 * A value that decides a year's outcome after the year was approved has changed: a re-test score or
 * the conduct after summer training. Published inside the saving transaction, so the stored results
 * are recomputed with it or not at all.
 */
public record ResultInputsChanged(long schoolId, long classId) {}
