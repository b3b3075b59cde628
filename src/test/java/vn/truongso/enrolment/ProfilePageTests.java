package vn.truongso.enrolment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.truongso.demo.DemoFixture;
import vn.truongso.support.Browsers;

/** A homeroom teacher keeps a student's profile; a subject teacher cannot open it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfilePageTests {

  @LocalServerPort int port;
  @Autowired DemoFixture demo;
  BrowserContext context;
  Page page;

  @BeforeEach
  void open() {
    demo.ensure();
    context = Browsers.chromium().newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void aHomeroomTeacherEditsAProfileAndItsPhoto() throws Exception {
    signIn("thcs.gvcn");
    page.locator("#homeroom-classes a").first().click();
    page.locator("#roster-table tbody tr").nth(3).locator("a").click();
    String profileUrl = page.url();
    page.locator("#edit-profile").click();

    String birth = page.locator("#birthDate").inputValue();
    page.locator("#birthDate").fill("31/02/2014");
    page.locator("#placeOfBirth").fill("Bệnh viện Phụ sản Hải Phòng");
    page.getByText("Lưu hồ sơ").click();
    assertThat(page.locator("#form-errors")).containsText("Chưa có gì được lưu");
    assertThat(page.locator("#birthDate-error")).containsText("Ngày không tồn tại");
    assertThat(page.locator("#placeOfBirth")).hasValue("Bệnh viện Phụ sản Hải Phòng");

    page.locator("#birthDate").fill(birth);
    page.locator("#permanentProvince")
        .selectOption(new SelectOption().setLabel("Thành phố Hải Phòng"));
    page.locator("#permanentWardCode").selectOption(new SelectOption().setLabel("Phường Đông Hải"));
    page.locator("#permanentAddress").fill("Số 5 ngõ 12 đường Đông Hải");
    page.getByText("Lưu hồ sơ").click();
    assertThat(page.locator(".alert-success")).hasText("Đã lưu hồ sơ học sinh.");
    assertThat(page.locator("#profile"))
        .containsText("Số 5 ngõ 12 đường Đông Hải, Phường Đông Hải");
    assertThat(page.locator("#profile")).containsText("Bệnh viện Phụ sản Hải Phòng");

    page.locator("#photo")
        .setInputFiles(
            new FilePayload(
                "chuong-trinh.png", "image/png", new byte[] {0x7f, 'E', 'L', 'F', 1, 2}));
    page.getByText("Tải ảnh lên").click();
    assertThat(page.locator("#photo-error")).hasText("Tệp không phải ảnh JPEG hoặc PNG.");
    page.locator("#photo").setInputFiles(new FilePayload("anh-the.png", "image/png", png()));
    page.getByText("Tải ảnh lên").click();
    assertThat(page.locator("#student-photo")).isVisible();

    // A subject teacher of the same class sees the roster, but not the profile.
    page.locator("#user-menu").click();
    page.getByText("Đăng xuất").click();
    signIn("thcs.gvbm");
    Response response = page.navigate(profileUrl);
    assertThat(response.status()).isEqualTo(404);
    assertThat(page.locator("h1")).hasText("Không tìm thấy trang");
  }

  private void signIn(String username) {
    page.navigate("http://localhost:" + port + "/login");
    page.getByLabel("Tên đăng nhập").fill(username);
    page.getByLabel("Mật khẩu").fill(DemoFixture.PASSWORD);
    page.locator("form button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("Xin chào");
  }

  private static byte[] png() throws Exception {
    BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
