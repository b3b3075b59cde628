package vn.truongso.assessment;

/** TT27 art. 9.2: a primary student's year-end result of education. */
public enum PrimaryResult {
  HOAN_THANH_XUAT_SAC,
  HOAN_THANH_TOT,
  HOAN_THANH,
  CHUA_HOAN_THANH;

  /** Art. 11.1: HTXS, HTT and HT complete the grade's programme. */
  public boolean completes() {
    return this != CHUA_HOAN_THANH;
  }
}
