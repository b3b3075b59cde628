package vn.truongso.assessment.tt22;

import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.TermMarks;

/**
 * TT22 art. 9.1a: a comment subject's term is Đạt when every required assessment was made and every
 * one is Đạt; otherwise Chưa đạt. The year is the result of term II.
 */
final class CommentResult {
  private CommentResult() {}

  static Comment term(TermMarks t, int required) {
    if (t.regular().size() < required || t.midterm() == null || t.finalTest() == null) {
      return Comment.CHUA_DAT;
    }
    for (Mark m : t.regular()) {
      if (m != Comment.DAT) {
        return Comment.CHUA_DAT;
      }
    }
    return t.midterm() == Comment.DAT && t.finalTest() == Comment.DAT
        ? Comment.DAT
        : Comment.CHUA_DAT;
  }

  static Comment year(Comment term2) {
    return term2;
  }
}
