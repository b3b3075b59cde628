package vn.truongso.assessment;

/** TT27 art. 13.1: the year-end commendations. */
public enum PrimaryCommendation {
  /** Học sinh Xuất sắc. */
  XUAT_SAC,
  /** Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện. */
  TIEU_BIEU
}
