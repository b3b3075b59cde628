package vn.truongso.org.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.org.SchoolYear;
import vn.truongso.org.UnitType;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.UserInputException;

/**
 * The organisation tree in SQL: the {@code org_unit} rows with their materialised paths (ministry,
 * Sở, ward office, school), the schools' details and levels, and their school years with terms,
 * weeks and breaks. Every change is audited in the school's (or the unit's) chain.
 */
@Service
@Transactional
class JdbcOrganisation implements Organisation {

  private static final String SCHOOL_SELECT =
      """
      SELECT s.id, s.code, s.name, s.levels, s.province_code, p.full_name AS province_name,
             s.ward_code, w.full_name AS ward_name, s.address_detail, s.principal_name, u.path
      FROM school s JOIN org_unit u ON u.id = s.id
      JOIN admin_province p ON p.code = s.province_code
      JOIN admin_ward w ON w.code = s.ward_code
      """;

  private final JdbcClient jdbc;
  private final AuditLog audit;

  JdbcOrganisation(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<OrgUnit> unit(long id) {
    return jdbc.sql("SELECT * FROM org_unit WHERE id = ?")
        .param(id)
        .query(this::mapUnit)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<Long, String> paths(Collection<Long> unitIds) {
    java.util.Map<Long, String> paths = new java.util.HashMap<>();
    jdbc.sql("SELECT id, path FROM org_unit WHERE id = ANY(?)")
        .param(unitIds.toArray(Long[]::new))
        .query(
            rs -> {
              paths.put(rs.getLong(1), rs.getString(2));
            });
    return paths;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<OrgUnit> unitByCode(String code) {
    return jdbc.sql("SELECT * FROM org_unit WHERE code = ?")
        .param(code)
        .query(this::mapUnit)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<OrgUnit> children(long unitId) {
    return jdbc.sql("SELECT * FROM org_unit WHERE parent_id = ? ORDER BY type, name")
        .param(unitId)
        .query(this::mapUnit)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<School> school(long schoolId) {
    return jdbc.sql(SCHOOL_SELECT + " WHERE s.id = ?")
        .param(schoolId)
        .query(this::mapSchool)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<School> schoolByCode(String code) {
    return jdbc.sql(SCHOOL_SELECT + " WHERE s.code = ?")
        .param(code)
        .query(this::mapSchool)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<School> schools(Collection<Long> ids) {
    return jdbc.sql(SCHOOL_SELECT + " WHERE s.id = ANY(?) ORDER BY s.name")
        .param(ids.toArray(Long[]::new))
        .query(this::mapSchool)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Set<Long> schoolIds() {
    return new java.util.HashSet<>(jdbc.sql("SELECT id FROM school").query(Long.class).list());
  }

  @Override
  @Transactional(readOnly = true)
  public List<School> schoolsUnder(long unitId) {
    return jdbc.sql(
            SCHOOL_SELECT
                + " WHERE u.path LIKE (SELECT path FROM org_unit WHERE id = ?) || '%'"
                + " ORDER BY s.name")
        .param(unitId)
        .query(this::mapSchool)
        .list();
  }

  @Override
  public OrgUnit createMinistry(String code, String name) {
    long id =
        jdbc.sql(
                "INSERT INTO org_unit (parent_id, type, code, name, path) VALUES (NULL, 'MINISTRY',"
                    + " ?, ?, '/') RETURNING id")
            .params(code, name)
            .query(Long.class)
            .single();
    jdbc.sql("UPDATE org_unit SET path = '/' || id || '/' WHERE id = ?").param(id).update();
    OrgUnit unit = unit(id).orElseThrow();
    audit.record(AuditEvent.of(null, "org.unit.create", "org_unit", id).after(unit));
    return unit;
  }

  @Override
  public OrgUnit createUnit(
      long parentId, UnitType type, String code, String name, String wardCode) {
    OrgUnit parent =
        unit(parentId)
            .orElseThrow(() -> new UserInputException("parent", "org.unit.parentUnknown"));
    if (!parent.type().mayContain(type)) {
      throw new UserInputException("type", "org.unit.typeNotAllowed");
    }
    String provinceCode = wardCode == null ? null : requireProvinceOfWard(wardCode);
    if (unitByCode(code).isPresent()) {
      throw new UserInputException("code", "org.unit.codeTaken", code);
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO org_unit (parent_id, type, code, name, province_code, ward_code, path)
                VALUES (?, ?, ?, ?, ?, ?, '') RETURNING id
                """)
            .params(parentId, type.name(), code, name, provinceCode, wardCode)
            .query(Long.class)
            .single();
    jdbc.sql("UPDATE org_unit SET path = ? WHERE id = ?")
        .params(parent.path() + id + "/", id)
        .update();
    OrgUnit unit = unit(id).orElseThrow();
    audit.record(AuditEvent.of(null, "org.unit.create", "org_unit", id).after(unit));
    return unit;
  }

  @Override
  public School createSchool(NewSchool s) {
    if (s.levels().isEmpty()) {
      throw new UserInputException("levels", "org.school.levelsRequired");
    }
    OrgUnit unit = createUnit(s.parentUnitId(), UnitType.SCHOOL, s.code(), s.name(), s.wardCode());
    jdbc.sql(
            """
            INSERT INTO school (id, code, name, levels, province_code, ward_code, address_detail,
                                phone, email, principal_name)
            VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
            """)
        .params(
            unit.id(),
            s.code(),
            s.name(),
            s.levels().stream().map(Enum::name).sorted().toArray(String[]::new),
            requireProvinceOfWard(s.wardCode()),
            s.wardCode(),
            s.addressDetail(),
            s.phone(),
            s.email(),
            s.principalName())
        .update();
    School school = school(unit.id()).orElseThrow();
    audit.record(AuditEvent.of(school.id(), "org.school.create", "school", school.id()).after(s));
    return school;
  }

  @Override
  public SchoolYear createSchoolYear(long schoolId, YearPlan plan) {
    List<SchoolYear.Week> weeks = WeekPlan.weeks(plan);
    jdbc.sql(
            """
            INSERT INTO school_year (school_id, start_year, starts_on, term1_ends_on,
                                     term2_starts_on, ends_on)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(
            schoolId,
            plan.startYear(),
            plan.startsOn(),
            plan.term1EndsOn(),
            plan.term2StartsOn(),
            plan.endsOn())
        .update();
    for (SchoolYear.Week w : weeks) {
      jdbc.sql(
              "INSERT INTO school_week (school_id, start_year, week_no, term_no, starts_on, ends_on)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(schoolId, plan.startYear(), w.number(), w.term(), w.startsOn(), w.endsOn())
          .update();
    }
    audit.record(
        AuditEvent.of(schoolId, "org.year.create", "school_year", plan.startYear()).after(plan));
    return year(schoolId, plan.startYear()).orElseThrow();
  }

  @Override
  public void makeCurrent(long schoolId, int startYear) {
    jdbc.sql("UPDATE school_year SET is_current = false WHERE school_id = ? AND is_current")
        .param(schoolId)
        .update();
    int changed =
        jdbc.sql("UPDATE school_year SET is_current = true WHERE school_id = ? AND start_year = ?")
            .params(schoolId, startYear)
            .update();
    if (changed != 1) {
      throw new UserInputException("startYear", "org.year.unknown");
    }
    audit.record(AuditEvent.of(schoolId, "org.year.makeCurrent", "school_year", startYear));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SchoolYear> currentYear(long schoolId) {
    return jdbc.sql("SELECT start_year FROM school_year WHERE school_id = ? AND is_current")
        .param(schoolId)
        .query(Integer.class)
        .optional()
        .flatMap(y -> year(schoolId, y));
  }

  @Override
  @Transactional(readOnly = true)
  public List<SchoolYear> years(long schoolId) {
    return jdbc
        .sql("SELECT start_year FROM school_year WHERE school_id = ? ORDER BY start_year DESC")
        .param(schoolId)
        .query(Integer.class)
        .list()
        .stream()
        .map(y -> year(schoolId, y).orElseThrow())
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> wardName(String wardCode) {
    return jdbc.sql(
            "SELECT w.full_name || ', ' || p.full_name FROM admin_ward w"
                + " JOIN admin_province p ON p.code = w.province_code WHERE w.code = ?")
        .param(wardCode)
        .query(String.class)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<AdminUnit> provinces() {
    return jdbc.sql("SELECT code, full_name FROM admin_province ORDER BY name")
        .query((rs, n) -> new AdminUnit(rs.getString(1), rs.getString(2)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> provinceOfWard(String wardCode) {
    return jdbc.sql("SELECT province_code FROM admin_ward WHERE code = ?")
        .param(wardCode)
        .query(String.class)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<AdminUnit> wards(String provinceCode) {
    return jdbc.sql("SELECT code, full_name FROM admin_ward WHERE province_code = ? ORDER BY name")
        .param(provinceCode)
        .query((rs, n) -> new AdminUnit(rs.getString(1), rs.getString(2)))
        .list();
  }

  private Optional<SchoolYear> year(long schoolId, int startYear) {
    List<SchoolYear.Week> weeks =
        jdbc.sql(
                "SELECT week_no, term_no, starts_on, ends_on FROM school_week"
                    + " WHERE school_id = ? AND start_year = ? ORDER BY week_no")
            .params(schoolId, startYear)
            .query(
                (rs, n) ->
                    new SchoolYear.Week(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getObject(3, java.time.LocalDate.class),
                        rs.getObject(4, java.time.LocalDate.class)))
            .list();
    return jdbc.sql("SELECT * FROM school_year WHERE school_id = ? AND start_year = ?")
        .params(schoolId, startYear)
        .query(
            (rs, n) ->
                new SchoolYear(
                    rs.getLong("school_id"),
                    rs.getInt("start_year"),
                    rs.getObject("starts_on", java.time.LocalDate.class),
                    rs.getObject("term1_ends_on", java.time.LocalDate.class),
                    rs.getObject("term2_starts_on", java.time.LocalDate.class),
                    rs.getObject("ends_on", java.time.LocalDate.class),
                    rs.getBoolean("is_current"),
                    weeks))
        .optional();
  }

  private String requireProvinceOfWard(String wardCode) {
    return jdbc.sql("SELECT province_code FROM admin_ward WHERE code = ?")
        .param(wardCode)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new UserInputException("wardCode", "org.ward.unknown", wardCode));
  }

  private OrgUnit mapUnit(ResultSet rs, int n) throws SQLException {
    long parent = rs.getLong("parent_id");
    return new OrgUnit(
        rs.getLong("id"),
        rs.wasNull() ? null : parent,
        UnitType.valueOf(rs.getString("type")),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("ward_code"),
        rs.getString("path"));
  }

  private School mapSchool(ResultSet rs, int n) throws SQLException {
    Array levels = rs.getArray("levels");
    Set<SchoolLevel> set =
        Arrays.stream((String[]) levels.getArray())
            .map(SchoolLevel::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(SchoolLevel.class)));
    return new School(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        set,
        rs.getString("province_code"),
        rs.getString("province_name"),
        rs.getString("ward_code"),
        rs.getString("ward_name"),
        rs.getString("address_detail"),
        rs.getString("principal_name"),
        rs.getString("path"));
  }
}
