package vn.truongso.kindergarten.internal.growth;

/** The sex as WHO's tables split them: {@code M} boys (WHO's 1), {@code F} girls (2). */
public enum Sex {
  M,
  F
}
