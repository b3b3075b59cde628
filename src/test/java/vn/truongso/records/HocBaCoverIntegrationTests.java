package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.people.People;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.platform.PdfTests;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * A student's học bạ opening pages (TT22 annex; docs/domain/official-books.md): the cover, the
 * usage notes and the identity page with the photo and this year's study history, as PDF/A-3b that
 * veraPDF accepts and {@code pdftotext} reads back; printed only by the class's keepers, each print
 * in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaCoverIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  TestClasses.Taught taught;
  long an;

  @BeforeEach
  void setUp() throws Exception {
    taught = testClasses.taught(7, "toan", 2);
    an = taught.students().get(0);
    long school = taught.school().id();
    people.updateProfile(
        school,
        an,
        ProfileUpdate.newStudent("Nguyễn", "Văn", "An", "10/01/2013", "M", "01")
            .origin("Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh", "Thừa Thiên Huế")
            .currentAddress("12 Lê Lợi, khu phố 3")
            .policyStatus("CON_THUONG_BINH")
            .build());
    people.addGuardianTo(
        school,
        an,
        new People.GuardianUpdate(
            "FATHER", "Nguyễn Văn Ba", "1980", "Kỹ sư xây dựng", "0912345678", "", ""));
    people.addGuardianTo(
        school,
        an,
        new People.GuardianUpdate(
            "MOTHER", "Trần Thị Cúc", "1982", "Giáo viên", "0987654321", "", ""));
    people.setPhoto(school, an, jpeg());
  }

  @Test
  void theOpeningPagesPrintAsPdfA3bWithTheStudentsIdentityPhotoAndThisYearsHistory()
      throws Exception {
    byte[] pdf =
        mvc.perform(get(cover(an)).with(authentication(taught.homeroomTeacher().signedIn())))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    List<String> pages = ClassBookPrintIntegrationTests.pages(pdf);
    assertThat(pages).hasSize(3);
    String school = taught.school().name();
    assertThat(squeezed(pages.get(0)))
        .contains("HỌC BẠ", "TRUNG HỌC CƠ SỞ", "NGUYỄN VĂN AN")
        .contains("Thông tư số 22/2021/TT-BGDĐT")
        .containsPattern("Số sổ đăng bộ PCGD: \\d+/THCS");
    assertThat(squeezed(pages.get(1))).contains("HƯỚNG DẪN SỬ DỤNG HỌC BẠ", "từ lớp 6 đến lớp 9");
    String identity = squeezed(pages.get(2));
    assertThat(identity)
        .contains("Họ và tên: Nguyễn Văn An", "Giới tính: Nam", "Ngày sinh: 10/01/2013")
        .contains("Nơi sinh: Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh", "Dân tộc: Kinh")
        .contains("Con thương binh", "Chỗ ở hiện tại: 12 Lê Lợi, khu phố 3")
        .contains("Họ và tên cha: Nguyễn Văn Ba Nghề nghiệp: Kỹ sư xây dựng")
        .contains("Họ và tên mẹ: Trần Thị Cúc Nghề nghiệp: Giáo viên")
        .contains("QUÁ TRÌNH HỌC TẬP")
        .contains("2026-2027 7A1 " + school);
    // the photo is on the identity page, in its 3x4 frame
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var resources = doc.getPage(2).getResources();
      long images = 0;
      for (var name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject) {
          images++;
        }
      }
      assertThat(images).isEqualTo(1);
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE school_id = ?"
                        + " AND action = 'records.hocba.exported' AND entity_id LIKE ?")
                .params(taught.school().id(), "%/" + an + "/COVER")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void withoutAPhotoTheFrameIsEmptyAndOnlyTheClassesKeepersPrint() throws Exception {
    long binh = taught.students().get(1);
    byte[] pdf =
        mvc.perform(get(cover(binh)).with(authentication(taught.homeroomTeacher().signedIn())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(squeezed(ClassBookPrintIntegrationTests.pages(pdf).get(2)))
        .contains("Ảnh 3×4", "Họ và tên: Trần Thị Bình", "Giới tính: Nữ");

    TestAccounts.Created other = taught.subjectTeacher();
    mvc.perform(get(cover(an)).with(authentication(other.signedIn())))
        .andExpect(status().isForbidden());
    // a student of another class is not this class's to print
    mvc.perform(
            get("/schools/{s}/classes/{c}/hocba/{id}/cover.pdf", taught.school().id(), 999_999L, an)
                .with(authentication(taught.homeroomTeacher().signedIn())))
        .andExpect(status().is4xxClientError());
  }

  private String cover(long student) {
    return "/schools/"
        + taught.school().id()
        + "/classes/"
        + taught.classId()
        + "/hocba/"
        + student
        + "/cover.pdf";
  }

  private static String squeezed(String page) {
    return page.replaceAll("\\s+", " ");
  }

  private static byte[] jpeg() throws Exception {
    BufferedImage image = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(200, 220, 240));
    g.fillRect(0, 0, 300, 400);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(90, 80, 120, 150);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
