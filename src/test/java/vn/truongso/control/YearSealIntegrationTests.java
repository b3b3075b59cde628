package vn.truongso.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.control.internal.YearArchive;
import vn.truongso.identity.Role;
import vn.truongso.platform.AuditLog;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The year-end seal (issue 5 part 7): only the principal seals, with a basis and the year typed
 * again; the sealed year refuses every change — a mark, a lock, a second seal — naming who sealed
 * it; the archive holds the year's marks as JSON, every part matches the manifest's hash, and the
 * archive's hash is the one in the audit chain, which stays intact. The download reads the archive
 * in slices of 997 bytes here, so that it is put together from many.
 */
@SpringBootTest(properties = "truongso.archive.slice-bytes=997")
@AutoConfigureMockMvc
class YearSealIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog auditLog;

  @Test
  void theSealedYearIsReadOnlyItsArchiveMatchesItsManifestAndItsHashIsInTheAuditChain()
      throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 2);
    Authentication teacher = t.subjectTeacher().signedIn();
    TestAccounts.Created head =
        testAccounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    Authentication principal = head.signedIn();
    Authentication vice =
        testAccounts.create(t.school(), Role.VICE_PRINCIPAL, "Phó HT", "x", false).signedIn();
    cell(t, teacher, "8.5", 0).andExpect(status().isOk());

    seal(t, vice, "Quyết định 12/QĐ", "2026-2027").andExpect(status().isForbidden());
    seal(t, principal, "Quyết định 12/QĐ", "2025-2026")
        .andExpect(flash().attribute("controlError", "control.seal.confirm"));
    seal(t, principal, " ", "2026-2027")
        .andExpect(flash().attribute("controlError", "control.seal.reason.required"));
    assertThat(sealRows(t)).isZero();

    seal(t, principal, "Quyết định 12/QĐ-THCS ngày 30/6", "2026-2027")
        .andExpect(flash().attribute("controlSaved", true));

    // Read-only for good: the mark, a lock, a second seal.
    String refused =
        cell(t, teacher, "9", 1)
            .andExpect(status().isUnprocessableEntity())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("2026–2027", "niêm phong", head.username());
    assertThat(
            jdbc.sql(
                    "SELECT score FROM score_cell WHERE school_id = ? AND class_id = ?"
                        + " AND student_id = ? AND slot = 'GK'")
                .params(t.school().id(), t.classId(), t.students().get(0))
                .query(String.class)
                .single())
        .isEqualTo("8.5");
    mvc.perform(
            post("/schools/{s}/control/locks", t.school().id())
                .param("year", "2026")
                .param("reason", "khoá thêm")
                .with(csrf())
                .with(authentication(principal)))
        .andExpect(flash().attribute("controlError", "control.sealed"));
    seal(t, principal, "lần hai", "2026-2027")
        .andExpect(flash().attribute("controlError", "control.sealed"));
    assertThat(sealRows(t)).isEqualTo(1);

    // The archive: every part as the manifest says, the mark in it, its hash in the chain.
    byte[] zip =
        mvc.perform(
                get("/schools/{s}/control/seal.zip", t.school().id())
                    .param("year", "2026")
                    .with(authentication(vice)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    Map<String, byte[]> entries = unzip(zip);
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest.get("format").asString()).isEqualTo(YearArchive.FORMAT);
    assertThat(manifest.get("schoolYear").asString()).isEqualTo("2026-2027");
    List<String> parts = new java.util.ArrayList<>();
    for (JsonNode p : manifest.get("parts")) {
      byte[] data = entries.get(p.get("entry").asString());
      assertThat(sha256(data)).as(p.get("name").asString()).isEqualTo(p.get("sha256").asString());
      assertThat(JSON.readTree(data).size()).isEqualTo(p.get("rows").asInt());
      parts.add(p.get("name").asString());
    }
    assertThat(parts)
        .contains(
            "gradebook.scores",
            "gradebook.score_history",
            "enrolment.students",
            "enrolment.classes",
            "control.locks",
            "curriculum.teaching",
            "corrections.requests",
            "gradebook.primary_values",
            "gradebook.primary_years",
            "gradebook.primary_supplementary");
    JsonNode scores = JSON.readTree(entries.get("data/gradebook.scores.json"));
    assertThat(scores.size()).isEqualTo(1);
    assertThat(scores.get(0).get("score").asString()).isEqualTo("8.5");
    assertThat(JSON.readTree(entries.get("data/enrolment.students.json")).size()).isEqualTo(2);

    String logged =
        jdbc.sql(
                "SELECT after_state FROM audit_log WHERE school_id = ?"
                    + " AND action = 'control.year.sealed'")
            .param(t.school().id())
            .query(String.class)
            .single();
    assertThat(JSON.readTree(logged).get("archiveSha256").asString()).isEqualTo(sha256(zip));
    assertThat(auditLog.verify(t.school().id()).intact()).isTrue();

    String page =
        mvc.perform(
                get("/schools/{s}/control", t.school().id())
                    .param("year", "2026")
                    .with(authentication(principal)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("seal-download", sha256(zip)).doesNotContain("seal-button");
  }

  private ResultActions seal(
      TestClasses.Taught t, Authentication who, String reason, String confirmation)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/control/seal", t.school().id())
            .param("year", "2026")
            .param("reason", reason)
            .param("confirmation", confirmation)
            .with(csrf())
            .with(authentication(who)));
  }

  private ResultActions cell(TestClasses.Taught t, Authentication who, String value, int version)
      throws Exception {
    return mvc.perform(
        post("/schools/{s}/classes/{c}/scores/toan/cell", t.school().id(), t.classId())
            .param("term", "1")
            .param("student", String.valueOf(t.students().get(0)))
            .param("slot", "GK")
            .param("value", value)
            .param("version", String.valueOf(version))
            .with(csrf())
            .with(authentication(who)));
  }

  private long sealRows(TestClasses.Taught t) {
    return jdbc.sql("SELECT count(*) FROM year_seal WHERE school_id = ?")
        .param(t.school().id())
        .query(Long.class)
        .single();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(YearArchive.sha256().digest(bytes));
  }
}
