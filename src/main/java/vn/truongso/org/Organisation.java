package vn.truongso.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The org module's door: the unit tree, schools and their school years. */
public interface Organisation {

  Optional<OrgUnit> unit(long id);

  /** The materialised paths ({@code /1/4/9/}) of the given units. */
  java.util.Map<Long, String> paths(java.util.Collection<Long> unitIds);

  Optional<OrgUnit> unitByCode(String code);

  List<OrgUnit> children(long unitId);

  Optional<School> school(long schoolId);

  Optional<School> schoolByCode(String code);

  List<School> schools(java.util.Collection<Long> ids);

  /** Every school at or under the unit, sorted by name the Vietnamese way. */
  List<School> schoolsUnder(long unitId);

  /** Every school this database holds (a backup holds all of them). */
  java.util.Set<Long> schoolIds();

  OrgUnit createUnit(long parentId, UnitType type, String code, String name, String wardCode);

  OrgUnit createMinistry(String code, String name);

  School createSchool(NewSchool school);

  /** Creates a school year with weeks numbered from the first Monday, skipping the breaks. */
  SchoolYear createSchoolYear(long schoolId, YearPlan plan);

  void makeCurrent(long schoolId, int startYear);

  Optional<SchoolYear> currentYear(long schoolId);

  List<SchoolYear> years(long schoolId);

  /** Province and ward names for codes of the 2025 administrative units. */
  Optional<String> wardName(String wardCode);

  /** The 34 provinces and centrally-run cities after the 2025 reorganisation. */
  List<AdminUnit> provinces();

  Optional<String> provinceOfWard(String wardCode);

  /** The wards and communes of a province. */
  List<AdminUnit> wards(String provinceCode);

  /** A province or ward/commune: code and full name. */
  record AdminUnit(String code, String name) {}

  record NewSchool(
      long parentUnitId,
      String code,
      String name,
      Set<SchoolLevel> levels,
      String wardCode,
      String addressDetail,
      String principalName,
      String phone,
      String email) {}

  /**
   * When a year runs: opening day, the last day of term 1, the first of term 2, the last day, how
   * many teaching weeks each term has, and the breaks (Tết) that are not numbered.
   */
  record YearPlan(
      int startYear,
      LocalDate startsOn,
      LocalDate term1EndsOn,
      LocalDate term2StartsOn,
      LocalDate endsOn,
      int term1Weeks,
      int term2Weeks,
      List<Break> breaks) {}

  record Break(LocalDate from, LocalDate to) {}
}
