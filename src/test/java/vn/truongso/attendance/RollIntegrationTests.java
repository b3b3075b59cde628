package vn.truongso.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.truongso.identity.Role;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The daily roll (issue 20 part 1): taken as a whole under its version, a sending carried twice
 * written once, two people at once told, late changes only with a note, a closed month refused, and
 * the term's sessions absent reaching the class book (TT22 art. 12).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RollIntegrationTests {

  // 2026-12-01 is a Tuesday of term I in the tests' school year.
  static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  TestClasses.Taught taught;
  Authentication homeroom;
  long an;
  long binh;

  @BeforeEach
  void setUp() {
    clock.moveTo(TUESDAY.atTime(7, 30));
    taught = testClasses.taught(7, "toan", 3);
    homeroom = taught.homeroomTeacher().signedIn();
    an = taught.students().get(0);
    binh = taught.students().get(1);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theTermsSessionsAbsentReachTheClassBookFromTheRoll() throws Exception {
    clock.moveTo(MONDAY.atTime(7, 30));
    save(homeroom, UUID.randomUUID(), MONDAY, 0, null, marks(an, "P", "ốm"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1));
    clock.moveTo(TUESDAY.atTime(7, 30));
    save(
            homeroom,
            UUID.randomUUID(),
            TUESDAY,
            0,
            null,
            marks(an, "K", "") + "," + marks(binh, "M", ""))
        .andExpect(status().isOk());

    assertThat(absences(an)).isEqualTo("1/1/ROLL");
    assertThat(absences(binh)).as("late is present: no session absent").isEqualTo("0/0/ROLL");
    String book =
        mvc.perform(
                get("/schools/{s}/classes/{c}/book", taught.school().id(), taught.classId())
                    .with(authentication(homeroom)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(book).contains("theo điểm danh");

    // The typed count can no longer override the roll's.
    String refused =
        mvc.perform(
                post(
                        "/schools/{s}/classes/{c}/book/conduct",
                        taught.school().id(),
                        taught.classId())
                    .with(authentication(homeroom))
                    .with(csrf())
                    .param("student-" + an, "1")
                    .param("absent1e-" + an, "9")
                    .param("absent1u-" + an, "0"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("lấy từ điểm danh hằng ngày");
    assertThat(absences(an)).isEqualTo("1/1/ROLL");

    // Correcting Tuesday: An was there after all.
    save(homeroom, UUID.randomUUID(), TUESDAY, 1, null, "").andExpect(status().isOk());
    assertThat(absences(an)).isEqualTo("1/0/ROLL");
    assertThat(auditCount("attendance.roll.save")).isEqualTo(3);
    // one logged change per figure that moved: An's P on Monday, K on Tuesday, K taken back
    assertThat(auditCount("gradebook.absence.roll")).isEqualTo(3);
  }

  @Test
  void aSendingThatArrivesTwiceIsWrittenOnce() throws Exception {
    UUID key = UUID.randomUUID();
    save(homeroom, key, TUESDAY, 0, null, marks(an, "K", ""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.again").value(false));
    save(homeroom, key, TUESDAY, 0, null, marks(an, "K", ""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.again").value(true));
    assertThat(auditCount("attendance.roll.save")).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT version FROM attendance_roll WHERE class_id = ?")
                .param(taught.classId())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void twoPeopleTakingTheSameRollOneIsKeptAndTheOtherTold() throws Exception {
    Authentication principal =
        accounts
            .create(taught.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false)
            .signedIn();
    save(homeroom, UUID.randomUUID(), TUESDAY, 0, null, marks(an, "K", ""))
        .andExpect(status().isOk());
    // A second phone that loaded the empty roll before the first was saved.
    save(homeroom, UUID.randomUUID(), TUESDAY, 0, null, marks(binh, "P", ""))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.message").value(org.hamcrest.Matchers.containsString("vừa được lưu")));
    assertThat(absences(an)).isEqualTo("0/1/ROLL");
    assertThat(absences(binh)).isEqualTo("0/0/ROLL");
    // The principal sees the roll but does not take it.
    save(principal, UUID.randomUUID(), TUESDAY, 1, null, "").andExpect(status().isForbidden());
  }

  @Test
  void aPastDayChangesOnlyWithTheHomeroomTeachersNote() throws Exception {
    clock.moveTo(MONDAY.atTime(16, 0));
    save(homeroom, UUID.randomUUID(), MONDAY, 0, null, "").andExpect(status().isOk());
    clock.moveTo(LocalDateTime.of(2026, 12, 2, 8, 0));
    save(homeroom, UUID.randomUUID(), MONDAY, 1, null, marks(an, "K", ""))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.field").value("note"));
    save(homeroom, UUID.randomUUID(), MONDAY, 1, "Em An về sớm, ghi bổ sung", marks(an, "K", ""))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_log WHERE school_id = ? AND action ="
                        + " 'attendance.roll.save' ORDER BY seq DESC LIMIT 1")
                .param(taught.school().id())
                .query(String.class)
                .single())
        .isEqualTo("Em An về sớm, ghi bổ sung");
  }

  @Test
  void aClosedMonthAFutureDayAndASundayAreRefusedWithAReason() throws Exception {
    Authentication principal =
        accounts
            .create(taught.school(), Role.PRINCIPAL, "Cô Hiệu Trưởng", "Hieu-Truong-2026", false)
            .signedIn();
    mvc.perform(
            post("/schools/{s}/attendance/months/2026-11", taught.school().id())
                .with(authentication(principal))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    save(homeroom, UUID.randomUUID(), MONDAY, 0, "muộn", "")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("đã khoá")));
    save(homeroom, UUID.randomUUID(), TUESDAY.plusDays(1), 0, null, "")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Chưa đến")));
    save(homeroom, UUID.randomUUID(), LocalDate.of(2026, 11, 29), 0, "x", "")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("ngày nghỉ")));
    assertThat(auditCount("attendance.roll.save")).isZero();
    assertThat(auditCount("attendance.month.lock")).isEqualTo(1);
  }

  @Test
  void aStudentOfAnotherClassOrAnUnknownKindIsRefusedAndNothingIsStored() throws Exception {
    TestClasses.Taught other = testClasses.taught(7, "toan", 1);
    save(homeroom, UUID.randomUUID(), TUESDAY, 0, null, marks(other.students().get(0), "K", ""))
        .andExpect(status().isUnprocessableContent());
    save(homeroom, UUID.randomUUID(), TUESDAY, 0, null, marks(an, "X", ""))
        .andExpect(status().isUnprocessableContent());
    // Another class's homeroom teacher cannot take this class's roll.
    save(other.homeroomTeacher().signedIn(), UUID.randomUUID(), TUESDAY, 0, null, "")
        .andExpect(status().isForbidden());
    assertThat(
            jdbc.sql("SELECT count(*) FROM attendance_roll WHERE class_id = ?")
                .param(taught.classId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theMonthSheetCountsEachStudentsSessionsAndExportsToExcel() throws Exception {
    clock.moveTo(MONDAY.atTime(7, 30));
    save(homeroom, UUID.randomUUID(), MONDAY, 0, null, marks(an, "P", "ốm"))
        .andExpect(status().isOk());
    clock.moveTo(TUESDAY.atTime(7, 30));
    save(homeroom, UUID.randomUUID(), TUESDAY, 0, null, marks(an, "K", ""))
        .andExpect(status().isOk());
    String page =
        mvc.perform(
                get(
                        "/schools/{s}/classes/{c}/attendance/month",
                        taught.school().id(),
                        taught.classId())
                    .param("month", "2026-11")
                    .with(authentication(homeroom)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("tháng 11/2026", "Nguyễn Văn An");
    byte[] file =
        mvc.perform(
                get(
                        "/schools/{s}/classes/{c}/attendance/month.xlsx",
                        taught.school().id(),
                        taught.classId())
                    .param("month", "2026-12")
                    .with(authentication(homeroom)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
      var sheet = wb.getSheetAt(0);
      var row = sheet.getRow(3);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Nguyễn Văn An");
      assertThat(row.getCell(2).getStringCellValue()).as("1 December").isEqualTo("K");
      int days = 31;
      assertThat(row.getCell(2 + days + 1).getNumericCellValue()).as("K in December").isEqualTo(1);
      assertThat(row.getCell(2 + days + 3).getNumericCellValue()).as("year").isEqualTo(2);
    }
  }

  private ResultActions save(
      Authentication who, UUID key, LocalDate day, int version, String note, String marks)
      throws Exception {
    String body =
        "{\"key\":\""
            + key
            + "\",\"day\":\""
            + day
            + "\",\"session\":\"SANG\",\"version\":"
            + version
            + ",\"note\":"
            + (note == null ? "null" : "\"" + note + "\"")
            + ",\"marks\":{"
            + marks
            + "}}";
    return mvc.perform(
        post("/schools/{s}/classes/{c}/attendance", taught.school().id(), taught.classId())
            .with(authentication(who))
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String marks(long student, String kind, String reason) {
    return "\"" + student + "\":{\"kind\":\"" + kind + "\",\"reason\":\"" + reason + "\"}";
  }

  private String absences(long student) {
    return jdbc.sql(
            "SELECT excused || '/' || unexcused || '/' || source FROM absence_entry"
                + " WHERE class_id = ? AND student_id = ? AND term_no = 1")
        .params(taught.classId(), student)
        .query(String.class)
        .optional()
        .orElse("none");
  }

  private long auditCount(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(taught.school().id(), action)
        .query(Long.class)
        .single();
  }
}
