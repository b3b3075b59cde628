package vn.truongso.people;

/** Giới tính as recorded in the school's books: M (nam), F (nữ). */
public enum Sex {
  M,
  F
}
