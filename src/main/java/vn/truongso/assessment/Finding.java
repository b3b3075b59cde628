package vn.truongso.assessment;

import java.util.List;

/**
 * Why a value is what it is: a stable code naming the article ({@code TT22.D12.1c}) and its
 * arguments, so that a page, the API and printed minutes can all say it.
 */
public record Finding(String code, List<String> args) {
  public Finding {
    args = List.copyOf(args);
  }

  public static Finding of(String code, String... args) {
    return new Finding(code, List.of(args));
  }
}
