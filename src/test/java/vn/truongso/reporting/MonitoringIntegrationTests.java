package vn.truongso.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.gradebook.EntryProgress;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.identity.Role;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The leaders' monthly check (DH-SD art. 5.1–5.2, BA-HBS art. 4): the correction log lists every
 * change after a mark's first entry with who, when, before → after and its basis, prints as an
 * archival PDF, and is for the school's leaders only; the entry progress counts the empty cells of
 * columns past their deadline as overdue, per teacher and class.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MonitoringIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired MovableClock clock;
  @Autowired Marks marks;
  @Autowired Teaching teaching;
  @Autowired EntryProgress progress;
  @Autowired TransactionTemplate tx;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void theLogListsEachChangeAfterFirstEntryWithItsBasisAndPrintsIt() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    Authentication teacher = t.subjectTeacher().signedIn();
    clock.moveTo(LocalDate.of(2026, 11, 10));
    // first entries are not changes
    save(t, teacher, "GK", "6", 0);
    save(t, teacher, "TX1", "8", 0);
    // typed again, then cleared
    save(t, teacher, "GK", "7", 1);
    save(t, teacher, "GK", "", 2);
    // carried out on an approved request
    AuthenticatedUser admin = (AuthenticatedUser) teacher.getPrincipal();
    tx.executeWithoutResult(
        s -> {
          var cell = new Marks.CellRef("toan", 1, t.students().get(0), "TX1");
          var stored = marks.stored(t.school().id(), t.classId(), cell);
          marks.correct(
              admin,
              t.school().id(),
              t.classId(),
              List.of(new Marks.Correction(cell, stored.stamp(), "9,5")),
              4242);
        });
    // next month's change is next month's log
    clock.moveTo(LocalDate.of(2026, 12, 2));
    save(t, teacher, "TX1", "10", 2);

    String november =
        changes(t, principal.signedIn(), "2026-11", "")
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(november.split("class=\"change\"", -1)).hasSize(4);
    assertThat(november)
        .contains(
            t.subjectTeacher().username() + ": 3 lần sửa, trong đó 1 lần theo phiếu",
            "Nguyễn Văn An",
            "(trống)",
            "Phiếu sửa điểm số 4242",
            "Nhập trên sổ")
        .doesNotContain("<td class=\"after\"><span>10</span>");
    String december =
        changes(t, principal.signedIn(), "2026-12", "")
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(december.split("class=\"change\"", -1)).hasSize(2);
    // filtered on someone who changed nothing: nothing
    assertThat(
            changes(t, principal.signedIn(), "2026-11", String.valueOf(principal.id()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Không có thay đổi nào");

    byte[] pdf =
        mvc.perform(
                get("/schools/{s}/monitoring/changes.pdf", t.school().id())
                    .param("year", "2026")
                    .param("month", "2026-11")
                    .with(authentication(principal.signedIn())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains(
              "NHẬT KÍ SỬA ĐIỂM",
              "Tháng 11/2026",
              t.subjectTeacher().username(),
              "Nguyễn Văn An",
              "Phiếu sửa điểm số 4242",
              "Hiệu trưởng");
    }
    assertThat(vn.truongso.platform.PdfTests.pdfA3bFailures(pdf)).isEmpty();
  }

  @Test
  void onlyTheSchoolsLeadersSeeTheLog() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    var vice = testAccounts.create(t.school(), Role.VICE_PRINCIPAL, "Phó HT", "x", false);
    var elsewhere =
        testAccounts.create(
            testClasses.taught(7, "toan", 1).school(), Role.PRINCIPAL, "HT khác", "x", false);
    changes(t, vice.signedIn(), "2026-11", "").andExpect(status().isOk());
    changes(t, t.subjectTeacher().signedIn(), "2026-11", "").andExpect(status().isForbidden());
    changes(t, elsewhere.signedIn(), "2026-11", "").andExpect(status().isForbidden());
    // a month that cannot be read shows this month's log and says so
    assertThat(
            changes(t, vice.signedIn(), "tháng mười", "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Không đọc được tháng đã chọn");
  }

  @Test
  void emptyCellsOfAColumnPastItsDeadlineAreOverdueForTheTeacherAndTheClass() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 3);
    var principal = testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    var staff = testClasses.staffTeacher(t.school(), "Phạm", "Thị", "Hoa");
    tx.executeWithoutResult(
        s -> teaching.assign(t.school().id(), t.classId(), "toan", 1, staff.staffId()));
    mvc.perform(
            post("/schools/{s}/control/calendar", t.school().id())
                .param("year", "2026")
                .param("regularWeeks", "8, 17, 26, 34")
                .param("workingDays", "10")
                .param("retestBy", "2027-08-31")
                .param("cutoff", "")
                .param("stopDays", "7")
                .with(csrf())
                .with(authentication(principal.signedIn())))
        .andExpect(flash().attribute("controlSaved", true));
    clock.moveTo(LocalDate.of(2026, 10, 1));
    Authentication teacher = staff.account().signedIn();
    save(t, teacher, t.students().get(0), "TX1", "8");
    save(t, teacher, t.students().get(1), "TX1", "7");
    clock.moveTo(LocalDate.of(2026, 12, 20));

    EntryProgress.Sheet sheet =
        progress.ofSchool(t.school().id(), 2026, LocalDate.of(2026, 12, 20)).stream()
            .filter(x -> x.classId() == t.classId() && x.term() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(sheet.teacherName()).isEqualTo("Phạm Thị Hoa");
    EntryProgress.Column tx1 = sheet.columns().get(0);
    assertThat(tx1.slot()).isEqualTo("TX1");
    assertThat(tx1.pastDue()).isTrue();
    assertThat(tx1.filled()).isEqualTo(2);
    assertThat(tx1.missing()).isEqualTo(1);
    assertThat(sheet.overdueCells()).isGreaterThanOrEqualTo(1);
    // before the deadline nothing is overdue
    assertThat(
            progress.ofSchool(t.school().id(), 2026, LocalDate.of(2026, 10, 1)).stream()
                .filter(x -> x.classId() == t.classId())
                .mapToInt(EntryProgress.Sheet::overdueCells)
                .sum())
        .isZero();

    String page =
        mvc.perform(
                get("/schools/{s}/monitoring/progress", t.school().id())
                    .param("year", "2026")
                    .param("term", "1")
                    .with(authentication(principal.signedIn())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Phạm Thị Hoa", "7A1", "ĐĐGtx 1: hạn " + fmt(tx1.due()) + ", thiếu 1")
        .contains((sheet.dueCells() - sheet.overdueCells()) + "/" + sheet.dueCells());
  }

  private static String fmt(LocalDate d) {
    return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  private ResultActions changes(TestClasses.Taught t, Authentication who, String month, String by)
      throws Exception {
    return mvc.perform(
        get("/schools/{s}/monitoring/changes", t.school().id())
            .param("year", "2026")
            .param("month", month)
            .param("by", by)
            .with(authentication(who)));
  }

  private void save(TestClasses.Taught t, Authentication who, String slot, String value, int v)
      throws Exception {
    save(t, who, t.students().get(0), slot, value, v);
  }

  private void save(
      TestClasses.Taught t, Authentication who, long student, String slot, String value)
      throws Exception {
    save(t, who, student, slot, value, 0);
  }

  private void save(
      TestClasses.Taught t, Authentication who, long student, String slot, String value, int v)
      throws Exception {
    mvc.perform(
            post("/schools/{s}/classes/{c}/scores/toan/cell", t.school().id(), t.classId())
                .param("term", "1")
                .param("student", String.valueOf(student))
                .param("slot", slot)
                .param("value", value)
                .param("version", String.valueOf(v))
                .with(csrf())
                .with(authentication(who)))
        .andExpect(status().isOk());
  }
}
