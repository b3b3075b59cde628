package vn.truongso.enrolment;

/**
 * The kindergarten programme's age groups (Chương trình Giáo dục mầm non, VBHN 01/VBHN-BGDĐT 2021
 * of TT 17/2009 as amended by TT 28/2016 and TT 51/2020): nhà trẻ 3–12, 12–24 and 24–36 months, mẫu
 * giáo bé (3–4 years), nhỡ (4–5) and lớn (5–6), youngest first. A group is taught one band or, as a
 * mixed-age group (nhóm/lớp ghép), a run of them; groups sort by their youngest band, then their
 * oldest.
 */
public enum AgeBand {
  NT_3_12(3, 12),
  NT_12_24(12, 24),
  NT_24_36(24, 36),
  MG_3_4(36, 48),
  MG_4_5(48, 60),
  MG_5_6(60, 72);

  private final int fromMonths;
  private final int toMonths;

  AgeBand(int fromMonths, int toMonths) {
    this.fromMonths = fromMonths;
    this.toMonths = toMonths;
  }

  /** The first month of age in the band. */
  public int fromMonths() {
    return fromMonths;
  }

  /** The first month of age past the band. */
  public int toMonths() {
    return toMonths;
  }

  /** Nhà trẻ (under 36 months) or mẫu giáo. */
  public boolean nursery() {
    return toMonths <= 36;
  }

  /**
   * The band of a child of that many whole months: under 3 months the youngest, from 72 the oldest
   * (a child stays in kindergarten until the September after turning six).
   */
  public static AgeBand ofMonths(long months) {
    for (AgeBand b : values()) {
      if (months < b.toMonths) {
        return b;
      }
    }
    return MG_5_6;
  }
}
