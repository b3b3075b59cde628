package vn.truongso.assessment;

/**
 * A level of learning or conduct. TT22 uses Tốt, Khá, Đạt, Chưa đạt for both; TT58 grades learning
 * Giỏi, Khá, Trung bình, Yếu, Kém and conduct Tốt, Khá, Trung bình, Yếu. Each policy says which it
 * uses ({@link SecondaryPolicy#learningScale()}).
 */
public enum Level {
  TOT,
  GIOI,
  KHA,
  TB,
  DAT,
  YEU,
  CHUA_DAT,
  KEM
}
