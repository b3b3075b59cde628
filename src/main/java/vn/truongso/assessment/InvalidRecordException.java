package vn.truongso.assessment;

import java.util.List;

/** A record with {@link Problem}s was given to a policy to evaluate. */
public class InvalidRecordException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidRecordException(List<Problem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
