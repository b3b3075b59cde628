/**
 * Thông tư 22/2021/TT-BGDĐT (lower and upper secondary), one class per article. Null-marked (see
 * {@link vn.truongso.assessment}).
 */
@org.jspecify.annotations.NullMarked
package vn.truongso.assessment.tt22;
