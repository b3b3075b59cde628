package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.enrolment.Classes;
import vn.truongso.support.TestClasses;

/**
 * Entering scores cell by cell: the value as the circular allows it, the term average as it
 * follows, the version that keeps two tabs from overwriting each other, the audit log, and the
 * refusals — another subject, another class, a student who has left.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScoreEntryIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;
  @Autowired Classes classes;
  @Autowired TransactionTemplate tx;

  TestClasses.Taught taught;
  Authentication teacher;
  long an;

  @BeforeEach
  void setUp() {
    taught = testClasses.taught(7, "toan", 3);
    teacher = taught.subjectTeacher().signedIn();
    an = taught.students().getFirst();
  }

  @Test
  void savesEachCellAndComputesTheTermAverageOnceComplete() throws Exception {
    cell(teacher, "toan", an, "TX1", "8,5", 0)
        .andExpect(status().isOk())
        .andExpect(json("$.state", "saved"))
        .andExpect(json("$.text", "8,5"))
        .andExpect(json("$.version", 1))
        .andExpect(json("$.result", ""));
    cell(teacher, "toan", an, "TX2", "8", 0).andExpect(status().isOk());
    cell(teacher, "toan", an, "TX3", "8.0", 0).andExpect(status().isOk());
    cell(teacher, "toan", an, "TX4", "7,5", 0).andExpect(status().isOk());
    cell(teacher, "toan", an, "GK", "9", 0).andExpect(status().isOk());
    // (8.5 + 8 + 8 + 7.5 + 2 × 9 + 3 × 8) / 9 = 74 / 9 = 8.22 → 8.2 (TT22 art. 9.1b)
    cell(teacher, "toan", an, "CK", "8", 0)
        .andExpect(status().isOk())
        .andExpect(json("$.result", "8,2"));
    assertThat(stored(an, "TX1")).isEqualByComparingTo("8.5");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ? AND action = 'gradebook.score.set'")
                .param(taught.school().id())
                .query(Long.class)
                .single())
        .isEqualTo(6);

    String page =
        mvc.perform(
                get("/schools/{s}/classes/{c}/scores/toan", taught.school().id(), taught.classId())
                    .with(authentication(teacher)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("value=\"8,5\"", "8,2", "Nguyễn Văn An");
  }

  @Test
  void aCellChangedInAnotherTabIsAConflictNotAnOverwrite() throws Exception {
    cell(teacher, "toan", an, "GK", "7", 0).andExpect(status().isOk());
    var other = testClasses.anotherTeacher(taught, "toan").signedIn();
    cell(other, "toan", an, "GK", "9", 0)
        .andExpect(status().isConflict())
        .andExpect(json("$.state", "conflict"))
        .andExpect(json("$.text", "7"))
        .andExpect(json("$.version", 1));
    assertThat(stored(an, "GK")).isEqualByComparingTo("7");
    cell(other, "toan", an, "GK", "9", 1)
        .andExpect(status().isOk())
        .andExpect(json("$.version", 2));
    cell(teacher, "toan", an, "GK", "6", 1).andExpect(status().isConflict());
    assertThat(stored(an, "GK")).isEqualByComparingTo("9");
  }

  @Test
  void refusesValuesTheCircularDoesNotAllowAndWritesNothing() throws Exception {
    cell(teacher, "toan", an, "TX1", "10,5", 0)
        .andExpect(status().isUnprocessableContent())
        .andExpect(json("$.message", "Điểm phải từ 0 đến 10."));
    cell(teacher, "toan", an, "TX1", "8,25", 0)
        .andExpect(json("$.message", "Điểm chỉ lấy một chữ số thập phân (TT22 Điều 5 khoản 3)."));
    cell(teacher, "toan", an, "TX1", "Đ", 0)
        .andExpect(
            json(
                "$.message",
                "Môn này đánh giá bằng điểm số: nhập điểm từ 0 đến 10, không nhập Đ/CĐ."));
    cell(teacher, "toan", an, "TX1", "tám", 0)
        .andExpect(json("$.message", "Điểm phải là số từ 0 đến 10, ví dụ 8 hoặc 8,5."));
    cell(teacher, "toan", an, "TX5", "8", 0).andExpect(status().isUnprocessableContent());
    assertThat(count()).isZero();
  }

  @Test
  void aCommentSubjectTakesDatOrChuaDat() throws Exception {
    var art = testClasses.anotherTeacher(taught, "nghe_thuat").signedIn();
    cell(art, "nghe_thuat", an, "TX1", "đ", 0).andExpect(json("$.text", "Đ"));
    cell(art, "nghe_thuat", an, "TX2", "Đ", 0).andExpect(status().isOk());
    cell(art, "nghe_thuat", an, "GK", "cđ", 0).andExpect(json("$.text", "CĐ"));
    cell(art, "nghe_thuat", an, "CK", "D", 0).andExpect(json("$.result", "CĐ"));
    cell(art, "nghe_thuat", an, "GK", "Đạt", 1).andExpect(json("$.result", "Đ"));
    cell(art, "nghe_thuat", an, "TX1", "7", 1)
        .andExpect(
            json("$.message", "Môn này đánh giá bằng nhận xét: nhập Đ hoặc CĐ, không nhập điểm."));
  }

  @Test
  void onlyTheAssignedTeacherMayEnterAndOnlyForStudentsStillInTheClass() throws Exception {
    cell(teacher, "ngu_van", an, "TX1", "8", 0).andExpect(status().isForbidden());
    cell(taught.homeroomTeacher().signedIn(), "toan", an, "TX1", "8", 0)
        .andExpect(status().isForbidden());
    var elsewhere = testClasses.taught(7, "toan", 1);
    mvc.perform(
            post(
                    "/schools/{s}/classes/{c}/scores/toan/cell",
                    elsewhere.school().id(),
                    elsewhere.classId())
                .param("term", "1")
                .param("student", String.valueOf(elsewhere.students().getFirst()))
                .param("slot", "TX1")
                .param("value", "8")
                .param("version", "0")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(status().isForbidden());

    long binh = taught.students().get(1);
    tx.executeWithoutResult(
        s ->
            classes.transferOut(
                taught.school().id(),
                binh,
                TestClasses.OPENING.plusDays(30),
                "Trường THCS Chu Văn An",
                "Gia đình chuyển nhà"));
    cell(teacher, "toan", binh, "TX1", "8", 0)
        .andExpect(status().isUnprocessableContent())
        .andExpect(json("$.message", "Học sinh này không còn trong lớp; không nhập điểm được."));
    long stranger = elsewhere.students().getFirst();
    cell(teacher, "toan", stranger, "TX1", "8", 0).andExpect(status().isUnprocessableContent());
    assertThat(count()).isZero();
  }

  ResultActions cell(
      Authentication who, String subject, long student, String slot, String value, int version)
      throws Exception {
    return mvc.perform(
        post(
                "/schools/{s}/classes/{c}/scores/{sub}/cell",
                taught.school().id(),
                taught.classId(),
                subject)
            .param("term", "1")
            .param("student", String.valueOf(student))
            .param("slot", slot)
            .param("value", value)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(who)));
  }

  static org.springframework.test.web.servlet.ResultMatcher json(String path, Object value) {
    return org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(path)
        .value(value);
  }

  BigDecimal stored(long student, String slot) {
    return jdbc.sql(
            "SELECT score FROM score_cell WHERE school_id = ? AND class_id = ? AND student_id = ?"
                + " AND slot = ? AND term_no = 1")
        .params(taught.school().id(), taught.classId(), student, slot)
        .query(BigDecimal.class)
        .single();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM score_cell WHERE school_id = ?")
        .param(taught.school().id())
        .query(Long.class)
        .single();
  }
}
