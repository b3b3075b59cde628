package vn.truongso.assessment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A subject's marks in one term: regular assessments (đánh giá thường xuyên), the mid-term (giữa
 * kì) and the end-of-term (cuối kì) assessment. Missing marks are null, in the list too, so that a
 * check can name the missing one.
 */
public record TermMarks(
    List<@Nullable Mark> regular, @Nullable Mark midterm, @Nullable Mark finalTest) {
  public TermMarks {
    regular =
        regular == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(regular));
  }

  public static TermMarks empty() {
    return new TermMarks(List.of(), null, null);
  }

  /**
   * Whether the term holds at least {@code regularCount} regular assessments, none of them missing,
   * and both its tests: what a term result needs before it can be given.
   */
  public boolean complete(int regularCount) {
    return regular.size() >= regularCount
        && !regular.contains(null)
        && midterm != null
        && finalTest != null;
  }
}
