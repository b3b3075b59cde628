package vn.truongso.assessment.tt58;

import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Title;

/**
 * TT58 art. 18: Học sinh Giỏi — conduct Tốt and learning Giỏi; Học sinh Tiên tiến — conduct and
 * learning Khá or better. Given for a term or the year.
 */
final class Titles {
  private Titles() {}

  static @Nullable Title of(Level conduct, Level learning) {
    if (conduct == Level.TOT && learning == Level.GIOI) {
      return Title.GIOI;
    }
    boolean conductKha = conduct == Level.TOT || conduct == Level.KHA;
    boolean learningKha = learning == Level.GIOI || learning == Level.KHA;
    return conductKha && learningKha ? Title.TIEN_TIEN : null;
  }
}
