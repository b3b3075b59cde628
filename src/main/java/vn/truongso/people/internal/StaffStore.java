package vn.truongso.people.internal;

import static vn.truongso.people.internal.PeopleRows.NAME_ORDER;
import static vn.truongso.people.internal.PeopleRows.STAFF_SELECT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.people.People.NewStaff;
import vn.truongso.people.People.StaffMember;
import vn.truongso.people.People.StaffUpdate;
import vn.truongso.people.PersonalId;
import vn.truongso.people.StaffRules;
import vn.truongso.people.internal.CodeLists.CodeList;
import vn.truongso.people.internal.UniqueKeys.Key;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;

/**
 * Owns the {@code staff} table: a school's teachers and employees as the people module knows them
 * (name, birth, contact, position and subject, qualification, employment), added, read and edited
 * with the checks of {@link StaffRules}.
 */
@Component
class StaffStore {

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final UniqueKeys keys;
  private final CodeLists codes;

  StaffStore(JdbcClient jdbc, AuditLog audit, Clock clock, UniqueKeys keys, CodeLists codes) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.keys = keys;
    this.codes = codes;
  }

  long add(long schoolId, NewStaff s) {
    PeopleRows.requireName(s.name());
    long id =
        PeopleRows.personParams(
                jdbc.sql(
                    """
                    INSERT INTO staff (school_id, family_name, middle_name, given_name, birth_date,
                      sex, ethnicity_code, personal_id, phone, email, position, subject_group,
                      main_subject)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """),
                schoolId,
                s)
            .params(s.phone(), s.email(), s.position(), s.subjectGroup(), s.mainSubject())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.staff.create", "staff", id).after(s));
    return id;
  }

  Optional<StaffMember> staff(long schoolId, long staffId) {
    return jdbc.sql(STAFF_SELECT + " WHERE s.school_id = ? AND s.id = ?")
        .params(schoolId, staffId)
        .query(PeopleRows::mapStaff)
        .optional();
  }

  List<StaffMember> staffOf(long schoolId) {
    return jdbc.sql(STAFF_SELECT + " WHERE s.school_id = ?" + NAME_ORDER)
        .param(schoolId)
        .query(PeopleRows::mapStaff)
        .list();
  }

  int count(long schoolId) {
    return jdbc.sql("SELECT count(*) FROM staff WHERE school_id = ?")
        .param(schoolId)
        .query(Integer.class)
        .single();
  }

  void update(long schoolId, long staffId, StaffUpdate update) {
    StaffMember before = staff(schoolId, staffId).orElseThrow(() -> new NotFoundException("staff"));
    StaffRules.Checked c = StaffRules.check(update, LocalDate.now(clock));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (c.personalId() != null
        && keys.takenByOther(Key.STAFF_PERSONAL_ID, c.personalId().value(), schoolId, staffId)) {
      errors.add("personalId", "personalId.taken");
    }
    if (c.ethnicityCode() != null && !codes.known(CodeList.ETHNIC_GROUP, c.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    errors.throwIfAny();
    jdbc.sql(
            """
            UPDATE staff SET family_name = ?, middle_name = ?, given_name = ?, birth_date = ?, sex = ?,
              ethnicity_code = ?, personal_id = ?, phone = ?, email = ?, position = ?, subject_group = ?,
              main_subject = ?, qualification = ?, employment_type = ?, start_date = ?
            WHERE school_id = ? AND id = ?
            """)
        .params(
            c.name().family(),
            c.name().middle(),
            c.name().given(),
            c.birthDate(),
            c.sex().name(),
            c.ethnicityCode(),
            PersonalId.text(c.personalId()),
            c.phone(),
            c.email(),
            c.position(),
            c.subjectGroup(),
            c.mainSubject(),
            c.qualification(),
            c.employmentType(),
            c.startDate(),
            schoolId,
            staffId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.staff.update", "staff", staffId).before(before).after(c));
  }
}
