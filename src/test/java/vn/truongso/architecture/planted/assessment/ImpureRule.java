package vn.truongso.architecture.planted.assessment;

/** Planted: a rule that reaches for Spring. */
public class ImpureRule {
  public boolean blank(String s) {
    return !org.springframework.util.StringUtils.hasText(s);
  }
}
