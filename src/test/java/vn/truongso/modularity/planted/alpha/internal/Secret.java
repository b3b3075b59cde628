package vn.truongso.modularity.planted.alpha.internal;

public class Secret {
  public static int value() {
    return 42;
  }
}
