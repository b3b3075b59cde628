package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.platform.TextFold;
import vn.truongso.platform.UserInputException;

/**
 * A cell's text and its mark, both ways: what a teacher types ({@code 8,5} or {@code 8.5} in a
 * scored subject, {@code Đ} / {@code CĐ} in a comment subject, {@code V} for a test missed and to
 * be made up, nothing to clear the cell) read as the mark it means, and a stored mark written back
 * as the book shows it. Pure: a refusal is a {@link UserInputException} on the field {@code value}
 * whose message key says why, the same for the page, the file import and a correction.
 */
public final class TypedMarks {

  /** The text of a cell whose test was missed; the page shows it as V. */
  public static final String ABSENT = "ABSENT";

  private TypedMarks() {}

  /** The mark a teacher's text means in a subject of the given kind. */
  static ScoreCells.Content parse(SubjectKind kind, String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return ScoreCells.Content.EMPTY;
    }
    String folded = TextFold.fold(t);
    if (folded.equals("v") || folded.equals("absent")) {
      return new ScoreCells.Content(null, true);
    }
    Comment comment = comment(folded);
    if (kind == SubjectKind.COMMENT) {
      if (comment != null) {
        return new ScoreCells.Content(comment, false);
      }
      throw new UserInputException(
          "value",
          Score.parse(t).isPresent()
              ? "gradebook.value.scoreInCommentSubject"
              : "gradebook.value.notAComment");
    }
    if (comment != null) {
      throw new UserInputException("value", "gradebook.value.commentInScoreSubject");
    }
    return new ScoreCells.Content(score(t), false);
  }

  private static Score score(String t) {
    BigDecimal v =
        Score.parse(t)
            .orElseThrow(() -> new UserInputException("value", "gradebook.value.notAScore"));
    if (v.compareTo(BigDecimal.TEN) > 0) {
      throw new UserInputException("value", "gradebook.value.range");
    }
    if (!Score.valid(v)) {
      throw new UserInputException("value", "gradebook.value.decimals");
    }
    return new Score(v);
  }

  /** Đ, Đạt, D, dat … and CĐ, Chưa đạt, CD … folded to plain letters. */
  private static Comment comment(String folded) {
    return switch (folded) {
      case "d", "dat" -> Comment.DAT;
      case "cd", "chua dat", "chua_dat" -> Comment.CHUA_DAT;
      default -> null;
    };
  }

  /**
   * A cell as text: a score with a decimal comma (8,5; 7); {@code DAT}, {@code CHUA_DAT} or {@code
   * ABSENT}, which the page shows in the notation of the book (Đ, CĐ, V).
   */
  static String text(ScoreCells.Content c) {
    if (c.absent()) {
      return ABSENT;
    }
    return text(c.mark());
  }

  static String text(Mark m) {
    return switch (m) {
      case null -> "";
      // A mark reads as typed in the book: 7, not 7,0; averages keep their decimal.
      case Score s -> s.value().stripTrailingZeros().toPlainString().replace('.', ',');
      case Comment c -> c.name();
    };
  }

  /** A term or year result as the book prints it: 8,5 for an average, DAT / CHUA_DAT. */
  public static String result(Object r) {
    return switch (r) {
      case null -> "";
      case BigDecimal b -> b.toPlainString().replace('.', ',');
      case Comment c -> text(c);
      default -> r.toString();
    };
  }

  /** A cell's value as the audit log records it before and after a change. */
  static Map<String, Object> state(ScoreCells.Content c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", text(c));
    return m;
  }
}
