package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.xlsx.XlsxRows;
import vn.truongso.support.ClassListFiles;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestOrg;

/**
 * A class list goes in from Excel (only the valid rows, siblings sharing one parent record) and out
 * again; exporting personal data needs its own permission and is logged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportExportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestOrg testOrg;
  @Autowired TestAccounts accounts;
  @Autowired Provisioning provisioning;
  @Autowired Classes classes;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  School school;
  long classId;
  TestAccounts.Created admin;

  @BeforeEach
  void setUp() {
    school = testOrg.school();
    classId =
        tx.execute(
            s ->
                classes.createClass(
                    school.id(), new Classes.NewClass(2026, 6, "6A1", null, null, null)));
    admin = accounts.create(school, Role.DATA_ADMIN, "Đỗ Minh Quân", "Quan-Tri-CSDL-2026", false);
  }

  @Test
  void importsOnlyTheValidRowsAndKeepsOneRecordPerParent() throws Exception {
    LocalDate anBirth = LocalDate.of(2014, 3, 2);
    String anId = ClassListFiles.personalId(anBirth, Sex.M);
    byte[] file =
        ClassListFiles.xlsx(
            ClassListFiles.TEMPLATE_HEADERS,
            List.of(
                row(
                    "Nguyễn Văn An",
                    "02/03/2014",
                    "Nam",
                    "Kinh (Việt)",
                    anId,
                    "Trần Văn Cường",
                    "0912000111"),
                row("Nguyễn Thị Bình", "31/02/2014", "Nữ", "Kinh", "", "", ""),
                row(
                    "Nguyễn Thị Chi",
                    "15/08/2014",
                    "Nữ",
                    "Tày",
                    "",
                    "Trần Văn Cường",
                    "0912000111"),
                row("Lê Văn Dũng", "01/01/2014", "Nam", "Kinh", anId, "", "")));

    String location = upload(file, "lop-6a1.xlsx");
    String preview =
        mvc.perform(get(location).with(authentication(as(admin))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("4 dòng: 2 dòng hợp lệ, 2 dòng có lỗi")
        .contains("Ô B3 (Ngày sinh (dd/mm/yyyy)): Ngày không tồn tại")
        .contains("Ô E5 (Số định danh cá nhân): Trùng số định danh với dòng 2.");
    assertThat(roster()).isEmpty(); // nothing is written before the user says so

    mvc.perform(post(location).with(csrf()).with(authentication(as(admin))))
        .andExpect(status().is3xxRedirection());
    assertThat(roster()).containsExactly("Nguyễn Văn An", "Nguyễn Thị Chi");
    List<Long> ids =
        classes.roster(school.id(), classId, LocalDate.of(2026, 12, 1)).stream()
            .map(People.Student::id)
            .toList();
    long fatherOfAn = people.guardiansOf(school.id(), ids.get(0)).getFirst().id();
    long fatherOfChi = people.guardiansOf(school.id(), ids.get(1)).getFirst().id();
    assertThat(fatherOfChi).isEqualTo(fatherOfAn);
    assertThat(classes.registerEntry(school.id(), ids.get(0))).isPresent();
    assertThat(auditCount("enrolment.import")).isEqualTo(1);

    // The upload is gone: a second press imports nothing twice.
    mvc.perform(post(location).with(csrf()).with(authentication(as(admin))))
        .andExpect(status().is3xxRedirection());
    assertThat(roster()).hasSize(2);

    // The same file again: both students are now flagged as already in the system.
    String again =
        mvc.perform(get(upload(file, "lop-6a1.xlsx")).with(authentication(as(admin))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again)
        .contains("4 dòng: 0 dòng hợp lệ, 4 dòng có lỗi")
        .contains("Số định danh này đã có trong hệ thống.")
        .contains("Trường đã có học sinh cùng họ tên và ngày sinh");
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefusedWithAMessage() throws Exception {
    MvcResult result =
        mvc.perform(
                multipart("/schools/{s}/classes/{c}/import", school.id(), classId)
                    .file(
                        new MockMultipartFile(
                            "file",
                            "ds.xlsx",
                            "application/octet-stream",
                            "Họ và tên;Ngày sinh".getBytes()))
                    .with(csrf())
                    .with(authentication(as(admin))))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(result.getFlashMap().get("importError")).isEqualTo("xlsx.notXlsx");
    assertThat(
            jdbc.sql("SELECT count(*) FROM import_upload WHERE school_id = ?")
                .param(school.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void exportNeedsItsOwnPermissionAndIsLogged() throws Exception {
    tx.executeWithoutResult(
        s -> {
          LocalDate birth = LocalDate.of(2014, 6, 1);
          long id =
              people.addStudent(
                  school.id(),
                  new People.NewStudent(
                      vn.truongso.platform.PersonName.parse("Phạm Thu Hà"),
                      birth,
                      Sex.F,
                      "01",
                      PersonalId.of(ClassListFiles.personalId(birth, Sex.F)),
                      null));
          classes.enrol(school.id(), classId, id, LocalDate.of(2026, 9, 5));
        });
    String url = "/schools/" + school.id() + "/classes/" + classId + "/export.xlsx";
    mvc.perform(get(url).with(authentication(as(admin)))).andExpect(status().isNotFound());
    assertThat(auditCount("enrolment.export")).isZero();

    tx.executeWithoutResult(
        s ->
            provisioning.grant(
                admin.id(), Role.DATA_EXPORTER, school.id(), Scope.school(school.id())));
    byte[] xlsx =
        mvc.perform(get(url).with(authentication(as(admin))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<XlsxRows.Row> rows = XlsxRows.read(xlsx, 100);
    assertThat(rows.getFirst().cells()).containsExactlyElementsOf(ClassListFiles.TEMPLATE_HEADERS);
    assertThat(rows.get(1).cells().subList(0, 4))
        .containsExactly("Phạm Thu Hà", "01/06/2014", "Nữ", "Kinh (Việt)");
    assertThat(auditCount("enrolment.export")).isEqualTo(1);
  }

  @Test
  void theTemplateHasDropDownsAndTextCellsForIds() throws Exception {
    byte[] xlsx =
        mvc.perform(
                get("/schools/{s}/import-template.xlsx", school.id())
                    .with(authentication(as(admin))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Danh sách học sinh");
      assertThat(sheet.getDataValidations()).hasSize(3);
      assertThat(wb.isSheetHidden(1)).isTrue();
      assertThat(wb.getSheetAt(1).getRow(53).getCell(1).getStringCellValue()).isNotBlank();
      assertThat(sheet.getColumnStyle(4).getDataFormatString()).isEqualTo("@");
    }
    TestAccounts.Created nurse =
        accounts.create(school, Role.NURSE, "Y tá", "Y-Te-Truong-2026", false);
    mvc.perform(
            get("/schools/{s}/import-template.xlsx", school.id()).with(authentication(as(nurse))))
        .andExpect(status().isNotFound());
  }

  private String upload(byte[] file, String name) throws Exception {
    return mvc.perform(
            multipart("/schools/{s}/classes/{c}/import", school.id(), classId)
                .file(
                    new MockMultipartFile(
                        "file",
                        name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        file))
                .with(csrf())
                .with(authentication(as(admin))))
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private List<String> roster() {
    return classes.roster(school.id(), classId, LocalDate.of(2026, 12, 1)).stream()
        .map(s -> s.name().full())
        .toList();
  }

  private int auditCount(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE school_id = ? AND action = ?")
        .params(school.id(), action)
        .query(Integer.class)
        .single();
  }

  private static List<String> row(
      String name,
      String birth,
      String sex,
      String ethnicity,
      String id,
      String father,
      String fatherPhone) {
    return List.of(
        name, birth, sex, ethnicity, id, "", "", "", "", "", father, fatherPhone, "", "");
  }

  private static Authentication as(TestAccounts.Created account) {
    return account.signedIn();
  }
}
