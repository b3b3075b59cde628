package vn.truongso.records.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Formats;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Pdf;

/**
 * The học bạ's opening pages (TT22 annex; docs/domain/official-books.md "Cover and identity page"):
 * the cover, the usage notes and the student's identity page with the study history, as PDF/A-3b.
 * They are filled when the học bạ is opened, so they need no approved year; they carry personal
 * data, so only the class's keepers print them and every print is in the audit log.
 */
@Service
public class HocBaCover {

  /** THCS has four study years (lớp 6–9), THPT three (lớp 10–12): TT22 annex, usage note 1. */
  private static final int THCS_YEARS = 4;

  private static final int THPT_YEARS = 3;

  private final HocBaRecords records;
  private final Classes classes;
  private final People people;
  private final Organisation org;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final Formats formats;
  private final AuditLog audit;

  HocBaCover(
      HocBaRecords records,
      Classes classes,
      People people,
      Organisation org,
      ITemplateEngine templates,
      Pdf pdf,
      Formats formats,
      AuditLog audit) {
    this.records = records;
    this.classes = classes;
    this.people = people;
    this.org = org;
    this.templates = templates;
    this.pdf = pdf;
    this.formats = formats;
    this.audit = audit;
  }

  /** A row of "QUÁ TRÌNH HỌC TẬP": the school year, the class(es) and the school with its place. */
  public record StudyYear(String years, String classNames, String school) {}

  /** A parent's or guardian's line: the name and the occupation, each empty when not known. */
  public record Parent(String name, String occupation) {}

  /** What the three pages print. {@code upper}: THPT rather than THCS. */
  public record Model(
      School school,
      boolean upper,
      String nameUpper,
      People.Student student,
      String birthDate,
      People.@Nullable StudentProfile profile,
      String address,
      @Nullable Integer registerNo,
      @Nullable String photo,
      Parent father,
      Parent mother,
      Parent guardian,
      List<StudyYear> history,
      int blankRows) {}

  /** The file to download: the opening pages of the student's học bạ. */
  @Transactional
  public HocBaExports.Export pdf(long schoolId, long classId, long studentId) {
    if (!records.mayKeep(schoolId, classId)) {
      throw new AccessDeniedException("records.hocba");
    }
    Model m = model(schoolId, classId, studentId);
    audit.record(
        AuditEvent.of(
            schoolId, "records.hocba.exported", "hocba", classId + "/" + studentId + "/COVER"));
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("m", m);
    byte[] body = pdf.fromXhtml(templates.process("records/hocba-cover", context));
    String code = m.student().studentCode();
    String name = code == null || code.isBlank() ? "id" + studentId : code;
    return new HocBaExports.Export("hocba-bia-" + name + ".pdf", body);
  }

  private Model model(long schoolId, long classId, long studentId) {
    Classes.SchoolClass schoolClass =
        classes.schoolClass(schoolId, classId).orElseThrow(() -> new NotFoundException("class"));
    List<Classes.Movement> moves = classes.history(schoolId, studentId);
    if (moves.stream().noneMatch(mv -> mv.classId() == classId)) {
      throw new NotFoundException("hocba");
    }
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    HocBaRecords.StudentDetails d =
        records.details(schoolId, List.of(studentId)).values().stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("hocba"));
    boolean upper = schoolClass.grade() >= 10;
    List<StudyYear> history = history(schoolId, studentId, school, moves);
    People.StudentProfile profile = d.profile();
    return new Model(
        school,
        upper,
        d.student().name().full().toUpperCase(Locale.forLanguageTag("vi")),
        d.student(),
        formats.date(d.student().birthDate()),
        profile,
        profile == null ? "" : address(profile.current()),
        classes
            .registerEntry(schoolId, studentId)
            .map(Classes.RegisterEntry::registerNo)
            .orElse(null),
        people
            .photo(schoolId, studentId)
            .map(b -> "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(b))
            .orElse(null),
        parent(d.guardians(), People.Relation.FATHER),
        parent(d.guardians(), People.Relation.MOTHER),
        parent(d.guardians(), People.Relation.OTHER),
        history,
        Math.max(0, (upper ? THPT_YEARS : THCS_YEARS) - history.size()));
  }

  /**
   * One row a school year, oldest first: the earlier schools on TruongSo, then this one; a class
   * change within a year shows both classes.
   */
  private List<StudyYear> history(
      long schoolId, long studentId, School school, List<Classes.Movement> moves) {
    Map<Integer, StudyYear> byYear = new TreeMap<>();
    for (Classes.PriorSchool p : classes.priorSchools(schoolId, studentId)) {
      String place = org.school(p.schoolId()).map(this::place).orElse(p.schoolName());
      rows(p.history(), place).forEach(byYear::putIfAbsent);
    }
    // this school's rows win over a prior school's for the year the student moved in
    byYear.putAll(rows(moves, place(school)));
    return new ArrayList<>(byYear.values());
  }

  private static Map<Integer, StudyYear> rows(List<Classes.Movement> moves, String school) {
    Map<Integer, Set<String>> names = new TreeMap<>();
    for (Classes.Movement mv : moves) {
      names.computeIfAbsent(mv.startYear(), y -> new LinkedHashSet<>()).add(mv.className());
    }
    Map<Integer, StudyYear> out = new TreeMap<>();
    names.forEach(
        (y, n) -> out.put(y, new StudyYear(y + "-" + (y + 1), String.join(", ", n), school)));
    return out;
  }

  private String place(School s) {
    return joined(Stream.of(s.name(), s.wardName(), s.provinceName()));
  }

  private String address(People.@Nullable Address a) {
    if (a == null) {
      return "";
    }
    String province =
        org.provinces().stream()
            .filter(p -> p.code().equals(a.provinceCode()))
            .map(Organisation.AdminUnit::name)
            .findFirst()
            .orElse("");
    return joined(Stream.of(a.detail(), a.wardName(), province));
  }

  private static String joined(Stream<@Nullable String> parts) {
    return parts
        .filter(p -> p != null && !p.isBlank())
        .map(p -> p.strip())
        .collect(Collectors.joining(", "));
  }

  private static Parent parent(List<People.Guardian> guardians, People.Relation relation) {
    return guardians.stream()
        .filter(g -> g.relation() == relation)
        .findFirst()
        .map(g -> new Parent(g.fullName(), g.occupation() == null ? "" : g.occupation()))
        .orElse(new Parent("", ""));
  }
}
