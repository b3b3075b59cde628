package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.platform.PdfTests;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * A student who transferred out during the year keeps a học bạ for it that stops on the day they
 * left (DH-DK: the page is printed when the year ends or the student transfers or drops out): the
 * first term's results they had, nothing after, the leaving date printed and in the XML; the
 * class's approved year lists them beside those who stayed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaLeaverIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired Classes classes;
  @Autowired TransactionTemplate tx;
  @Autowired HocBaXml xml;

  @Test
  void aStudentWhoTransferredOutHasTheirYearUpToTheDayTheyLeft() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 3);
    TestAccounts.Created principal =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    long leaver = t.students().get(2);
    data.fillYear(t, leaver, "6.5");
    // they left in November: the second term's marks never came
    jdbc.sql("DELETE FROM score_cell WHERE school_id = ? AND student_id = ? AND term_no = 2")
        .params(t.school().id(), leaver)
        .update();
    tx.executeWithoutResult(
        s ->
            classes.transferOut(
                t.school().id(),
                leaver,
                LocalDate.of(2026, 11, 16),
                "Trường THCS Lê Lợi, Hà Nội",
                "Theo gia đình chuyển nơi ở"));
    HocBaSteps.approvedYear(
        mvc,
        data,
        t,
        t.homeroomTeacher().signedIn(),
        principal.signedIn(),
        t.students().get(0),
        t.students().get(1));

    String base = "/schools/" + t.school().id() + "/classes/" + t.classId() + "/hocba";
    var teacher = t.homeroomTeacher().signedIn();
    String page = new String(body(base, teacher), StandardCharsets.UTF_8);
    assertThat(page).contains("Chuyển trường từ 16/11/2026").doesNotContain("id=\"incomplete\"");

    String record = new String(body(base + "/" + leaver + ".xml", teacher), StandardCharsets.UTF_8);
    xml.validateCurrent(record.getBytes(StandardCharsets.UTF_8));
    assertThat(record)
        .contains("<roitruong><ngay>2026-11-16</ngay><lydo>CHUYEN_TRUONG</lydo></roitruong>")
        .contains("<hocky1>6.5</hocky1>")
        .doesNotContain("<hocky2>")
        .doesNotContain("<duoclenlop>");

    byte[] pdf = body(base + "/" + leaver + ".pdf", teacher);
    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Toán 6,5 ")
          .contains("Chuyển trường từ ngày 16/11/2026")
          .doesNotContain("Được lên lớp: Có");
    }
  }

  private byte[] body(String path, org.springframework.security.core.Authentication who)
      throws Exception {
    return mvc.perform(get(path).with(authentication(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }
}
