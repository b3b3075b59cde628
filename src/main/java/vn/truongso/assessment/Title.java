package vn.truongso.assessment;

/** Year-end titles: Học sinh Xuất sắc, Học sinh Giỏi (TT22 art. 15); Học sinh Tiên tiến (TT58). */
public enum Title {
  XUAT_SAC,
  GIOI,
  TIEN_TIEN
}
