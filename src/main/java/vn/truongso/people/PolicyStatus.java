package vn.truongso.people;

/**
 * Con gia đình chính sách: the family situations that give a student priority or support. Labels in
 * the people bundle ({@code policy.CON_LIET_SI}).
 */
public enum PolicyStatus {
  CON_THUONG_BINH,
  CON_BENH_BINH,
  CON_LIET_SI,
  CON_NGUOI_CO_CONG,
  HO_NGHEO,
  HO_CAN_NGHEO,
  MO_COI,
  DAN_TOC_THIEU_SO_VUNG_KHO_KHAN
}
