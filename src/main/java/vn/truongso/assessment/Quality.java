package vn.truongso.assessment;

/** The five qualities (phẩm chất) of the 2018 programme the homeroom teacher assesses (TT27). */
public enum Quality {
  YEU_NUOC,
  NHAN_AI,
  CHAM_CHI,
  TRUNG_THUC,
  TRACH_NHIEM
}
