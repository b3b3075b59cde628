package vn.truongso.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Compact student years for policy tests: {@code "toan=8.5 ngu_van=7 gdtc=D nghe_thuat=C"} gives
 * each scored subject that value in every mark (so every average is the value), and each comment
 * subject Đạt or Chưa đạt throughout.
 */
public final class Records {
  public static final int PERIODS = 140;

  private Records() {}

  public static StudentYear year(
      String policy, String subjects, String conduct, int absences, String... retests) {
    List<SubjectRecord> list = new ArrayList<>();
    List<String> retestList = Arrays.asList(retests);
    for (String item : subjects.trim().split("\\s+")) {
      String[] kv = item.split("=");
      Mark retest = null;
      for (String r : retestList) {
        if (r.startsWith(kv[0] + "=")) {
          retest = mark(r.substring(kv[0].length() + 1));
        }
      }
      list.add(subject(policy, kv[0], kv[1], retest));
    }
    String[] c = conduct.split(",");
    ConductRecord conductRecord =
        new ConductRecord(level(c, 0), level(c, 1), level(c, 2), c.length > 3 ? level(c, 3) : null);
    return new StudentYear(8, list, conductRecord, absences, false);
  }

  public static SubjectRecord subject(String policy, String code, String value, Mark retest) {
    Mark m = mark(value);
    SubjectKind kind = m instanceof Score ? SubjectKind.SCORE : SubjectKind.COMMENT;
    int regular = Policies.secondary(PolicyCode.valueOf(policy)).regularAssessments(kind, PERIODS);
    TermMarks term = new TermMarks(Collections.nCopies(regular, m), m, m);
    return new SubjectRecord(code, kind, PERIODS, false, term, term, retest);
  }

  public static Mark mark(String v) {
    return switch (v) {
      case "D" -> Comment.DAT;
      case "C" -> Comment.CHUA_DAT;
      default -> new Score(new BigDecimal(v));
    };
  }

  public static List<Mark> marks(String semicolonSeparated) {
    if (semicolonSeparated == null || semicolonSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(semicolonSeparated.split(";")).map(Records::mark).toList();
  }

  public static List<BigDecimal> decimals(String semicolonSeparated) {
    return Arrays.stream(semicolonSeparated.split(";")).map(BigDecimal::new).toList();
  }

  public static List<Comment> comments(String letters) {
    if (letters == null) {
      return List.of();
    }
    return letters.chars().mapToObj(ch -> ch == 'D' ? Comment.DAT : Comment.CHUA_DAT).toList();
  }

  private static Level level(String[] c, int i) {
    return i < c.length && !c[i].isBlank() && !c[i].equals("-") ? Level.valueOf(c[i]) : null;
  }
}
