package vn.truongso.assessment;

/**
 * The circulars TruongSo can assess by. The database stores these codes; an unknown code is an
 * error, never a silent fallback.
 */
public enum PolicyCode {
  /** Thông tư 22/2021/TT-BGDĐT: lower and upper secondary, by the roadmap of its art. 21. */
  TT22_2021,
  /** Thông tư 58/2011/TT-BGDĐT as amended by Thông tư 26/2020/TT-BGDĐT: earlier secondary years. */
  TT58_2011,
  /** Thông tư 27/2020/TT-BGDĐT: primary (not yet a secondary policy). */
  TT27_2020
}
