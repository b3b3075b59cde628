package vn.truongso.support;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.Organisation;
import vn.truongso.org.Organisation.NewSchool;
import vn.truongso.org.Organisation.YearPlan;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.org.UnitType;

/**
 * Creates organisation fixtures with unique codes, so that each test builds its own province, ward
 * office and schools and tests run in any order.
 */
@Component
public class TestOrg {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private final Organisation org;
  private final TransactionTemplate tx;

  public TestOrg(Organisation org, TransactionTemplate tx) {
    this.org = org;
    this.tx = tx;
  }

  public static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
  }

  public OrgUnit ministry() {
    return tx.execute(
        s ->
            org.unitByCode("BGDDT-TEST")
                .orElseGet(() -> org.createMinistry("BGDDT-TEST", "Bộ Giáo dục và Đào tạo")));
  }

  public OrgUnit province() {
    long ministry = ministry().id();
    return tx.execute(
        s ->
            org.createUnit(
                ministry, UnitType.PROVINCE_DEPARTMENT, unique("SO"), "Sở GD&ĐT Hải Phòng", null));
  }

  public OrgUnit wardOffice(OrgUnit province, String wardCode) {
    return tx.execute(
        s ->
            org.createUnit(
                province.id(),
                UnitType.WARD_OFFICE,
                unique("PVHXH"),
                "Phòng VH-XH " + wardCode,
                wardCode));
  }

  public School school(OrgUnit parent, String name) {
    return school(parent, name, SchoolLevel.LOWER_SECONDARY);
  }

  /** A school of one level with the current 2026–27 year. */
  public School school(OrgUnit parent, String name, SchoolLevel level) {
    return school(parent, name, EnumSet.of(level));
  }

  /** A school of several levels (trường liên cấp) with the current 2026–27 year. */
  public School school(OrgUnit parent, String name, Set<SchoolLevel> levels) {
    School school =
        tx.execute(
            s ->
                org.createSchool(
                    new NewSchool(
                        parent.id(),
                        unique("TR"),
                        name,
                        EnumSet.copyOf(levels),
                        "11411",
                        "Số 1 đường Test",
                        "Nguyễn Văn Hiệu",
                        null,
                        null)));
    tx.executeWithoutResult(
        s -> {
          org.createSchoolYear(
              school.id(),
              new YearPlan(
                  2026,
                  LocalDate.of(2026, 9, 5),
                  LocalDate.of(2027, 1, 16),
                  LocalDate.of(2027, 1, 18),
                  LocalDate.of(2027, 5, 31),
                  18,
                  17,
                  List.of()));
          org.makeCurrent(school.id(), 2026);
        });
    return school;
  }

  /** A past (or later) school year of the school, with the usual calendar. */
  public void addYear(School school, int startYear) {
    tx.executeWithoutResult(
        s ->
            org.createSchoolYear(
                school.id(),
                new YearPlan(
                    startYear,
                    LocalDate.of(startYear, 9, 5),
                    LocalDate.of(startYear + 1, 1, 16),
                    LocalDate.of(startYear + 1, 1, 18),
                    LocalDate.of(startYear + 1, 5, 31),
                    18,
                    17,
                    List.of())));
  }

  /** A province, a ward office under it and one school of {@code level}. */
  public School school(SchoolLevel level) {
    return school(wardOffice(province(), "11411"), "Trường " + unique(level.name()), level);
  }

  /** A province, a ward office under it and one school of all {@code levels}. */
  public School school(SchoolLevel first, SchoolLevel... more) {
    return school(
        wardOffice(province(), "11411"),
        "Trường liên cấp " + unique("LC"),
        EnumSet.of(first, more));
  }

  /** A province, a ward office under it and one lower-secondary school. */
  public School school() {
    return school(wardOffice(province(), "11411"), "Trường THCS " + unique("Kiểm thử"));
  }
}
