package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.assessment.Problem;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.people.People;

/**
 * The class's Bảng tổng hợp kết quả đánh giá giáo dục at a point (TT27 art. 9.1; KD-CSDL): every
 * pupil's subject levels and test scores, qualities and competencies, what is still missing and, at
 * the end of the year, the result, the commendation and the completion — with the state of the
 * term's approval and what the viewer may do about it.
 */
@Service
public class PrimaryBoard {

  /**
   * The order of the học bạ's section 1 (forms.md §3.1: Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và
   * Địa lí, Khoa học, Tin học và Công nghệ, Đạo đức, Tự nhiên và Xã hội, Nghệ thuật, Giáo dục thể
   * chất, Hoạt động trải nghiệm, Tiếng dân tộc); a subject not named here comes last.
   */
  static final List<String> BOOK_ORDER =
      List.of(
          "tieng_viet",
          "toan",
          "ngoai_ngu_1",
          "lich_su_dia_li",
          "khoa_hoc",
          "tin_hoc_cong_nghe",
          "dao_duc",
          "tu_nhien_xa_hoi",
          "nghe_thuat",
          "giao_duc_the_chat",
          "hoat_dong_trai_nghiem",
          "tieng_dan_toc");

  private final PrimaryCells cells;
  private final PrimaryYears years;
  private final PrimaryEntry primary;
  private final PrimaryHomeroom homeroom;
  private final PrimaryApprovals approvals;
  private final ApprovalStates states;
  private final ScoreEntry entry;
  private final Teaching teaching;

  PrimaryBoard(
      PrimaryCells cells,
      PrimaryYears years,
      PrimaryEntry primary,
      PrimaryHomeroom homeroom,
      PrimaryApprovals approvals,
      ApprovalStates states,
      ScoreEntry entry,
      Teaching teaching) {
    this.cells = cells;
    this.years = years;
    this.primary = primary;
    this.homeroom = homeroom;
    this.approvals = approvals;
    this.states = states;
    this.entry = entry;
    this.teaching = teaching;
  }

  /** A subject's column: whether it has a test at the point, whether the year result reads it. */
  public record Column(String code, String name, boolean tested, boolean counted) {}

  /** A subject's value on a pupil's line. */
  public record Mark(String level, Integer score) {}

  /**
   * A pupil's line; {@code items}: the book's letters of the qualities and competencies; {@code
   * year}: the result, set only at the end of the year once nothing is missing.
   */
  public record Row(
      People.Student student,
      Map<String, Mark> subjects,
      Map<String, String> items,
      List<Problem> missing,
      vn.truongso.assessment.PrimaryYearResult year) {}

  public record Board(
      Classes.SchoolClass schoolClass,
      PrimaryPoint point,
      List<Column> columns,
      List<String> items,
      List<Row> rows,
      Map<PrimaryResult, Long> tally,
      ApprovalStates.Status term,
      boolean mayEditQualities,
      boolean maySubmit,
      boolean mayApprove) {

    /** A subject's name for a problem that names its code. */
    public String subjectName(Object code) {
      return columns.stream()
          .filter(c -> c.code().equals(code))
          .map(Column::name)
          .findFirst()
          .orElse(String.valueOf(code));
    }

    public long missing() {
      return rows.stream().mapToLong(r -> r.missing().size()).sum();
    }
  }

  @Transactional(readOnly = true)
  public Board board(long schoolId, long classId, PrimaryPoint point) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    if (!entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.primary.board");
    }
    List<Column> columns = columns(c, point);
    Map<Long, Map<String, Mark>> marks = new HashMap<>();
    Map<Long, Map<String, String>> items = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofClass(schoolId, classId, point)) {
      PrimaryCells.Value v = r.value();
      if (r.kind() == Kind.SUBJECT) {
        marks
            .computeIfAbsent(r.studentId(), k -> new HashMap<>())
            .put(r.item(), new Mark(v.level(), v.score()));
      } else if (v.level() != null) {
        items
            .computeIfAbsent(r.studentId(), k -> new HashMap<>())
            .put(r.item(), PrimaryHomeroom.letter(v.level()));
      }
    }
    List<Row> rows = new ArrayList<>();
    Map<PrimaryResult, Long> tally = new EnumMap<>(PrimaryResult.class);
    for (PrimaryYears.Pupil p : years.at(c, point)) {
      long id = p.student().id();
      rows.add(
          new Row(
              p.student(),
              marks.getOrDefault(id, Map.of()),
              items.getOrDefault(id, Map.of()),
              p.missing(),
              p.result()));
      if (p.result() != null) {
        tally.merge(p.result().result(), 1L, Long::sum);
      }
    }
    ApprovalStates.Status term = states.ofClass(schoolId, classId).get(point.term());
    boolean endOfTerm = point == PrimaryPoint.CHKI || point == PrimaryPoint.CN;
    boolean editable = homeroom.mayEdit(c);
    return new Board(
        c,
        point,
        columns,
        PrimaryHomeroom.ITEMS,
        rows,
        tally,
        term,
        editable,
        editable && endOfTerm && (term == null || !term.frozen()),
        approvals.mayApprove(schoolId)
            && term != null
            && term.state() == ApprovalStates.State.SUBMITTED);
  }

  /** The subjects and activities the grade assesses by level, in the plan's order. */
  private List<Column> columns(Classes.SchoolClass c, PrimaryPoint point) {
    List<Teaching.ProgrammeSubject> counted = years.assessed(c.grade());
    List<Column> columns = new ArrayList<>();
    for (Teaching.ProgrammeSubject p : teaching.subjects(c.grade())) {
      if (p.assessmentMode().startsWith("muc_T_H_C")) {
        columns.add(
            new Column(
                p.code(),
                p.name(),
                p.testPoints().contains(point.name()),
                counted.stream().anyMatch(k -> k.code().equals(p.code()))));
      }
    }
    columns.sort(
        java.util.Comparator.comparingInt(
            col -> {
              int i = BOOK_ORDER.indexOf(col.code());
              return i < 0 ? BOOK_ORDER.size() : i;
            }));
    return columns;
  }
}
