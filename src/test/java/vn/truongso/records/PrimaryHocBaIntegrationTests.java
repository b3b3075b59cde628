package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.PdfTests;
import vn.truongso.platform.PersonName;
import vn.truongso.support.PrimaryBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * A primary pupil's học bạ (TT27; forms.md §3.1): every year at the school accumulates in the
 * printed record, each year with its subjects, qualities, competencies, result and completion; the
 * year's học bạ số XML validates against the primary schema and says whether the grade's programme
 * was completed; a subject teacher gets neither.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrimaryHocBaIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestOrg org;
  @Autowired Classes classes;
  @Autowired PrimaryBookData data;
  @Autowired TransactionTemplate tx;
  @Autowired People people;
  @Autowired TestAccounts accounts;

  @Test
  void theYearsAccumulateInThePrintedRecordAndTheXmlSaysWhatWasCompleted() throws Exception {
    School school = org.school(SchoolLevel.PRIMARY);
    org.addYear(school, 2025);
    // An was in 1B last year and went up to 2A1
    long lastYear =
        tx.execute(
            s ->
                classes.createClass(
                    school.id(), new Classes.NewClass(2025, 1, "1B", null, null, null)));
    long an =
        tx.execute(
            s -> {
              long id =
                  people.addStudent(
                      school.id(),
                      new People.NewStudent(
                          new PersonName("Phạm", "Minh", "An"),
                          LocalDate.of(2019, 3, 8),
                          Sex.M,
                          "01",
                          null,
                          null));
              classes.enrol(school.id(), lastYear, id, LocalDate.of(2025, 9, 5));
              return id;
            });
    tx.executeWithoutResult(s -> classes.rollOver(school.id(), 2025, java.util.Set.of()));
    long thisYear =
        classes.classes(school.id(), 2026).stream()
            .filter(c -> c.grade() == 2)
            .findFirst()
            .orElseThrow()
            .id();
    TestClasses.Taught before =
        new TestClasses.Taught(school, lastYear, "toan", java.util.List.of(an), null, null);
    TestClasses.Taught t =
        new TestClasses.Taught(school, thisYear, "toan", java.util.List.of(an), null, null);
    data.fill(before, an, PrimaryPoint.CN, "H", 7);
    data.fill(t, an, PrimaryPoint.CN, "T", 10);
    // whoever prints the school's books (the principal here) prints the record
    Authentication homeroom =
        accounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn();
    String base = "/schools/" + school.id() + "/classes/" + t.classId() + "/hocba-tieuhoc/" + an;

    byte[] pdf = download(base + ".pdf", homeroom);
    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "HỌC BẠ",
              "QUÁ TRÌNH HỌC TẬP",
              "2025 - 2026",
              "2026 - 2027",
              "1. Các môn học và hoạt động giáo dục",
              "3.2. Những năng lực đặc thù",
              "Hoàn thành xuất sắc",
              "Hoàn thành chương trình lớp 2",
              "Hoàn thành chương trình lớp 1");
      assertThat(text.indexOf("1B")).isLessThan(text.indexOf("2B"));
    }

    String xml = new String(download(base + ".xml", homeroom), StandardCharsets.UTF_8);
    assertThat(xml)
        .contains(
            "urn:truongso:hocbaso:tieuhoc:1",
            "<makhoi>2</makhoi>",
            "<ketquagiaoduc>HTXS</ketquagiaoduc>",
            "<khenthuong>HSXS</khenthuong>",
            "<dahthanhctrinhlophoc>1</dahthanhctrinhlophoc>",
            "<duoclenlop>1</duoclenlop>",
            "<muc ma=\"CHAM_CHI\">T</muc>")
        .doesNotContain("dahthanhctrinhtieuhoc");

    Authentication teacher = testClasses.taughtIn(school, 2, "toan", 1).subjectTeacher().signedIn();
    mvc.perform(get(base + ".pdf").with(authentication(teacher))).andExpect(status().isForbidden());
  }

  private byte[] download(String path, Authentication who) throws Exception {
    return mvc.perform(get(path).with(authentication(who)))
        .andExpect(status().isOk())
        // the record holds personal data: saved by its reader, never kept by a cache
        .andExpect(header().string("Cache-Control", "no-store"))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }
}
