package vn.truongso.assessment;

/**
 * The competencies (năng lực) of the 2018 programme the homeroom teacher assesses (TT27): three
 * general, seven specific.
 */
public enum Competence {
  TU_CHU_VA_TU_HOC(true),
  GIAO_TIEP_VA_HOP_TAC(true),
  GIAI_QUYET_VAN_DE_VA_SANG_TAO(true),
  NGON_NGU(false),
  TINH_TOAN(false),
  KHOA_HOC(false),
  CONG_NGHE(false),
  TIN_HOC(false),
  THAM_MI(false),
  THE_CHAT(false);

  private final boolean general;

  Competence(boolean general) {
    this.general = general;
  }

  /** A general competency (năng lực chung); otherwise a specific one (năng lực đặc thù). */
  public boolean general() {
    return general;
  }
}
