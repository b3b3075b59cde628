package vn.truongso.assessment;

import java.util.List;

/**
 * Why a record cannot be evaluated: the field ({@code subjects[2].term1.midterm}) and a stable code
 * with its arguments, which the caller turns into a message.
 */
public record Problem(String path, String code, List<Object> args) {
  public Problem {
    args = List.copyOf(args);
  }

  public static Problem of(String path, String code, Object... args) {
    return new Problem(path, code, List.of(args));
  }
}
