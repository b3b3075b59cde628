package vn.truongso.assessment.tt27;

import java.util.Collection;
import java.util.List;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.assessment.PrimaryYear.PrimarySubject;
import vn.truongso.assessment.QualityLevel;

/**
 * TT27 art. 9.2, at the end of the year only, from the year-end levels (a subject at Hoàn thành in
 * term I does not hold back a Hoàn thành tốt at the end of the year):
 *
 * <ul>
 *   <li>Hoàn thành xuất sắc: every subject and activity Hoàn thành tốt, every quality and
 *       competency Tốt, every end-of-year periodic test 9 or more;
 *   <li>Hoàn thành tốt: the same with every test 7 or more;
 *   <li>Hoàn thành: every subject Hoàn thành tốt or Hoàn thành, every quality and competency Tốt or
 *       Đạt, every test 5 or more;
 *   <li>Chưa hoàn thành: any other case.
 * </ul>
 */
final class YearResults {

  private YearResults() {}

  /** The subjects, qualities and competencies are complete (checked before). */
  static PrimaryResult of(List<PrimarySubject> subjects, Collection<QualityLevel> levels) {
    boolean allSubjectsT =
        subjects.stream().allMatch(s -> s.level() == PrimaryLevel.HOAN_THANH_TOT);
    boolean noSubjectC =
        subjects.stream().noneMatch(s -> s.level() == PrimaryLevel.CHUA_HOAN_THANH);
    boolean allLevelsT = levels.stream().allMatch(l -> l == QualityLevel.TOT);
    boolean noLevelC = levels.stream().noneMatch(l -> l == QualityLevel.CAN_CO_GANG);
    int lowest =
        subjects.stream()
            .filter(PrimarySubject::tested)
            .mapToInt(s -> s.score() == null ? 0 : s.score())
            .min()
            .orElse(10);
    if (allSubjectsT && allLevelsT && lowest >= 9) {
      return PrimaryResult.HOAN_THANH_XUAT_SAC;
    }
    if (allSubjectsT && allLevelsT && lowest >= 7) {
      return PrimaryResult.HOAN_THANH_TOT;
    }
    if (noSubjectC && noLevelC && lowest >= 5) {
      return PrimaryResult.HOAN_THANH;
    }
    return PrimaryResult.CHUA_HOAN_THANH;
  }
}
