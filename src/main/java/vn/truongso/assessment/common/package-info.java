/**
 * What both circulars share: the record's checks, averages, rounding and retests. Null-marked (see
 * {@link vn.truongso.assessment}).
 */
@org.jspecify.annotations.NullMarked
package vn.truongso.assessment.common;
