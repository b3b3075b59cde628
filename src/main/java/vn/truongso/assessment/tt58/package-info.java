/**
 * Thông tư 58/2011/TT-BGDĐT as amended by Thông tư 26/2020/TT-BGDĐT, one class per article.
 * Null-marked (see {@link vn.truongso.assessment}).
 */
@org.jspecify.annotations.NullMarked
package vn.truongso.assessment.tt58;
