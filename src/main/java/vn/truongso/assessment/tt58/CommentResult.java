package vn.truongso.assessment.tt58;

import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.TermMarks;

/**
 * TT58 art. 10.2: a comment subject's term is Đạt (Đ) when every required test was taken and at
 * least two thirds of them are Đ, the term test among them; the year is Đ when term II is Đ (both
 * terms Đ, or term I CĐ and term II Đ).
 */
final class CommentResult {
  private CommentResult() {}

  static Comment term(TermMarks t, int required) {
    if (t.regular().size() < required || t.midterm() == null || t.finalTest() == null) {
      return Comment.CHUA_DAT;
    }
    if (t.finalTest() != Comment.DAT) {
      return Comment.CHUA_DAT;
    }
    int total = t.regular().size() + 2;
    int dat = (t.midterm() == Comment.DAT ? 1 : 0) + 1;
    for (Mark m : t.regular()) {
      dat += m == Comment.DAT ? 1 : 0;
    }
    return dat * 3 >= total * 2 ? Comment.DAT : Comment.CHUA_DAT;
  }

  static Comment year(Comment term2) {
    return term2;
  }
}
