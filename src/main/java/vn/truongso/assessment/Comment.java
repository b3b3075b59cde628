package vn.truongso.assessment;

/** A comment assessment: Đạt or Chưa đạt (TT22 art. 5); under TT58 written Đ / CĐ. */
public enum Comment implements Mark {
  DAT,
  CHUA_DAT
}
