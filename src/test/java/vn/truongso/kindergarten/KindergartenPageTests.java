package vn.truongso.kindergarten;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.support.Browsers;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The kindergarten's day in a browser (issue 21): the cook writes a dish, puts it on today's menu
 * and sees at once that the day is short of the norms and which dish to increase; the group's
 * teacher weighs and measures a child on a phone; the family opens the child's growth chart in the
 * portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KindergartenPageTests {

  static final String COOK_PASSWORD = "Cap-Duong-2026-ok";
  static final String FAMILY_PASSWORD = "Phu-Huynh-2026-mn";

  @LocalServerPort int port;
  @Autowired TestOrg testOrg;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  final List<BrowserContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void aCookSeesTheBalanceATeacherMeasuresAndTheFamilySeesTheChart() {
    School school = testOrg.school(SchoolLevel.KINDERGARTEN);
    TestClasses.Taught group = testClasses.taughtIn(school, 0, null, 1);
    long an = group.students().getFirst();
    jdbc.sql("UPDATE student SET birth_date = '2022-09-15' WHERE id = ?").param(an).update();

    Page cook = page(false);
    Browsers.signIn(
        cook,
        port,
        accounts.create(school, Role.COOK, "Cấp dưỡng Lan", COOK_PASSWORD, false).username(),
        COOK_PASSWORD);
    cook.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Bếp ăn"))
        .first()
        .click();
    cook.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Món ăn"))
        .click();
    cook.getByLabel("Tên món").fill("Cơm trắng");
    cook.getByLabel("Thực phẩm dòng 1", new Page.GetByLabelOptions().setExact(true)).fill("1004");
    cook.getByLabel("Số gam dòng 1", new Page.GetByLabelOptions().setExact(true)).fill("70");
    cook.locator("#dish-form button[type=submit]").click();
    assertThat(cook.locator("[role=status]")).containsText("Đã lưu món «Cơm trắng».");

    cook.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Thực đơn"))
        .first()
        .click();
    // today (1 December 2026, a Tuesday): rice alone, 70 g × 344 kcal / 100 g = 241 kcal
    var today = cook.locator("[data-day='2026-12-01']");
    today.locator(".add-dish button").click();
    assertThat(today.locator("[data-item=ENERGY]"))
        .containsText("Năng lượng 241 kcal, ngoài định mức 615–726 kcal.");
    assertThat(today.locator("[data-item=ENERGY]"))
        .containsText("Món góp nhiều nhất: Cơm trắng (tăng khẩu phần).");

    Page teacher = page(true);
    Browsers.signIn(teacher, port, group.homeroomTeacher().username(), TestClasses.PASSWORD);
    teacher.navigate(
        "http://localhost:" + port + "/schools/" + school.id() + "/growth/students/" + an);
    teacher.getByLabel("Cân nặng (kg)").fill("16,2");
    teacher.getByLabel("Chiều dài/cao (cm)").fill("104,5");
    teacher.locator("#measure-form button[type=submit]").click();
    assertThat(teacher.locator("[role=status]")).containsText("Đã lưu kết quả cân đo.");

    Page family = page(true);
    Browsers.signIn(
        family,
        port,
        accounts.guardian(school, an, "Phụ huynh bé An", FAMILY_PASSWORD).username(),
        FAMILY_PASSWORD);
    family.navigate("http://localhost:" + port + "/portal/" + school.id() + "/" + an + "/growth");
    assertThat(family.locator("[data-indicator=WEIGHT_FOR_AGE] .dot")).hasCount(1);
    assertThat(family.locator("[data-indicator=WEIGHT_FOR_AGE]")).isVisible();
  }

  private Page page(boolean phone) {
    BrowserContext c =
        phone
            ? Browsers.chromium().newContext(Browsers.phone())
            : Browsers.chromium()
                .newContext(
                    new com.microsoft.playwright.Browser.NewContextOptions().setLocale("vi-VN"));
    contexts.add(c);
    Page p = c.newPage();
    p.setDefaultTimeout(15_000);
    return p;
  }
}
