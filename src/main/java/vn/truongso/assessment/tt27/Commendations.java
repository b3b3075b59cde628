package vn.truongso.assessment.tt27;

import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.PrimaryCommendation;
import vn.truongso.assessment.PrimaryResult;

/**
 * TT27 art. 13.1, at the end of the year: Hoàn thành xuất sắc makes a Học sinh Xuất sắc; Hoàn thành
 * tốt with an outstanding achievement in at least one subject or remarkable progress in at least
 * one quality or competency, proposed by the homeroom teacher and agreed by the class, makes a Học
 * sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện. A province's own criteria are not the
 * circular's and are not applied here.
 */
final class Commendations {

  private Commendations() {}

  static @Nullable PrimaryCommendation of(PrimaryResult result, boolean outstandingAgreed) {
    return switch (result) {
      case HOAN_THANH_XUAT_SAC -> PrimaryCommendation.XUAT_SAC;
      case HOAN_THANH_TOT -> outstandingAgreed ? PrimaryCommendation.TIEU_BIEU : null;
      case HOAN_THANH, CHUA_HOAN_THANH -> null;
    };
  }
}
