/**
 * Thông tư 27/2020/TT-BGDĐT (primary), one class per article. Null-marked (see {@link
 * vn.truongso.assessment}).
 */
@org.jspecify.annotations.NullMarked
package vn.truongso.assessment.tt27;
