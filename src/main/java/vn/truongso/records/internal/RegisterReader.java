package vn.truongso.records.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.records.internal.ClassBookModel.Parent;
import vn.truongso.records.internal.RegisterModel.Admission;
import vn.truongso.records.internal.RegisterModel.Event;
import vn.truongso.records.internal.RegisterModel.Leaving;
import vn.truongso.records.internal.RegisterModel.Row;

/**
 * A cohort's enrolment register for printing, for whoever prints the school's books ({@code
 * PRINT_BOOKS}): the register lines through {@link Classes#registerOfCohort}, each student's
 * details as the học bạ and the class book print them ({@link HocBaRecords#details}) and their
 * movements from {@link Classes#history}.
 */
@Service
public class RegisterReader {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  // a departure the student came back from is a movement; the last one is the line's leaving
  private static final Set<String> DEPARTURES = Set.of("DROP_OUT", "TRANSFER_OUT");

  private final Classes classes;
  private final HocBaRecords records;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  RegisterReader(
      Classes classes,
      HocBaRecords records,
      Organisation org,
      Authorization authorization,
      Clock clock) {
    this.classes = classes;
    this.records = records;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  /**
   * The school year a print is for when none is asked: the latest one of the school that has begun
   * by today; before any has begun (or with no calendar), the one a Vietnamese school year starting
   * in September would give.
   */
  @Transactional(readOnly = true)
  public int defaultYear(long schoolId) {
    LocalDate today = LocalDate.now(clock);
    return org.years(schoolId).stream()
        .filter(y -> !y.startsOn().isAfter(today))
        .mapToInt(SchoolYear::startYear)
        .max()
        .orElse(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1);
  }

  /**
   * @throws org.springframework.security.access.AccessDeniedException to a user who does not print
   *     the school's books
   * @throws NotFoundException for a school year the school does not have
   */
  @Transactional(readOnly = true)
  public RegisterModel read(long schoolId, int startYear) {
    authorization.require(Action.PRINT_BOOKS, Target.school(schoolId));
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    if (org.years(schoolId).stream().noneMatch(y -> y.startYear() == startYear)) {
      throw new NotFoundException("year");
    }
    List<Classes.RegisterEntry> entries = classes.registerOfCohort(schoolId, startYear);
    Map<Long, HocBaRecords.StudentDetails> details =
        records.details(schoolId, entries.stream().map(Classes.RegisterEntry::studentId).toList());
    List<Row> rows = new ArrayList<>();
    for (Classes.RegisterEntry e : entries) {
      HocBaRecords.StudentDetails d = details.get(e.studentId());
      if (d != null) {
        rows.add(row(e, d, classes.history(schoolId, e.studentId())));
      }
    }
    return new RegisterModel(
        new RegisterModel.Head(
            school.name(),
            school.wardName(),
            school.provinceName(),
            startYear,
            rows.size(),
            rows.isEmpty() ? null : rows.getFirst().no(),
            rows.isEmpty() ? null : rows.getLast().no(),
            school.principalName()),
        rows);
  }

  private static Row row(
      Classes.RegisterEntry e, HocBaRecords.StudentDetails d, List<Classes.Movement> history) {
    People.Student s = d.student();
    People.StudentProfile p = d.profile();
    List<Parent> parents = new ArrayList<>();
    for (People.Guardian g : d.guardians()) {
      parents.add(
          new Parent(
              g.relation(),
              Stream.of(g.fullName(), g.occupation())
                  .filter(v -> v != null && !v.isBlank())
                  .toList()));
    }
    Classes.Movement first = history.isEmpty() ? null : history.getFirst();
    return new Row(
        e.registerNo(),
        s.name().full(),
        PersonalId.text(s.personalId()),
        s.birthDate().format(DAY),
        s.sex(),
        p == null ? null : p.placeOfBirth(),
        s.ethnicityName(),
        p == null ? null : ClassBookReader.address(p),
        parents,
        new Admission(
            e.enrolledOn().format(DAY),
            first == null ? null : first.className(),
            first != null && "TRANSFER_IN".equals(first.startReason()) ? first.note() : null),
        events(history, e.leftOn() != null),
        e.leftOn() == null
            ? null
            : new Leaving(
                e.leavingReason(), e.leftOn().format(DAY), e.destination(), e.leavingNote()));
  }

  /**
   * Every enrolment after the first, by why it began; and a departure the student came back from,
   * on the day they were gone (the day after the enrolment's last).
   */
  private static List<Event> events(List<Classes.Movement> history, boolean left) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Classes.Movement m = history.get(i);
      if (i > 0) {
        out.add(
            new Event(
                m.startReason(), m.startsOn().format(DAY), m.className(), m.startYear(), note(m)));
      }
      boolean last = i == history.size() - 1;
      if (m.endReason() != null && DEPARTURES.contains(m.endReason()) && !(last && left)) {
        out.add(
            new Event(
                m.endReason(),
                m.endsOn().plusDays(1).format(DAY),
                m.className(),
                m.startYear(),
                null));
      }
    }
    return out;
  }

  /** A class change's reason or the school a student came back from; none for the rest. */
  private static @Nullable String note(Classes.Movement m) {
    return "CLASS_CHANGE".equals(m.startReason()) || "TRANSFER_IN".equals(m.startReason())
        ? m.note()
        : null;
  }
}
