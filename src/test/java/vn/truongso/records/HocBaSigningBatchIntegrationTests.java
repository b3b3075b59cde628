package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.identity.Role;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.HocBaSigning;
import vn.truongso.records.signing.Signer;
import vn.truongso.support.ClassBookSteps;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.HocBaSteps;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestClasses;

/**
 * A batch of signatures under trouble: the signing device failing mid-batch (a token pulled out)
 * leaves the documents signed so far whole and the rest untouched, and the next batch signs the
 * rest; two batches of the same class at once sign each document once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HocBaSigningBatchIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired HocBaSigning signing;
  @Autowired vn.truongso.records.internal.HocBaRecords records;
  @MockitoSpyBean Signer signer;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  TestClasses.Taught taught;
  TestAccounts.Created homeroom;
  long certificate;
  TestAccounts.Created principal;

  @BeforeEach
  void setUp() throws Exception {
    taught = testClasses.taught(7, "toan", 3);
    homeroom = taught.homeroomTeacher();
    principal = testAccounts.create(taught.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    List<Long> s = taught.students();
    for (long student : s) {
      data.fillYear(taught, student, "8");
    }
    Authentication teacher = homeroom.signedIn();
    ClassBookSteps.conduct(mvc, taught, teacher, s.get(0), "TOT", s.get(1), "KHA");
    ClassBookSteps.conduct(mvc, taught, teacher, s.get(2), "TOT", s.get(1), "KHA");
    for (int period = 1; period <= 2; period++) {
      ClassBookSteps.act(mvc, taught, teacher, "submit", period)
          .andExpect(status().is3xxRedirection());
      ClassBookSteps.act(mvc, taught, principal.signedIn(), "approve", period)
          .andExpect(status().is3xxRedirection());
    }
    byte[] p12 = ca.issue(homeroom.username(), "1234", ISSUED, 730, true).pkcs12();
    mvc.perform(
            multipart("/schools/{s}/certificates", taught.school().id())
                .file(new MockMultipartFile("file", "key.p12", "application/x-pkcs12", p12))
                .param("pin", "1234")
                .with(csrf())
                .with(authentication(teacher)))
        .andExpect(flash().attribute("uploadSaved", true));
    certificate =
        jdbc.sql("SELECT id FROM signing_certificate WHERE school_id = ?")
            .param(taught.school().id())
            .query(Long.class)
            .single();
  }

  @AfterEach
  void cleanUp() {
    reset(signer);
    SecurityContextHolder.clearContext();
  }

  @Test
  void aDeviceFailingMidBatchLeavesEachDocumentWholeOrUntouched() {
    doCallRealMethod()
        .doThrow(new IllegalStateException("the token was removed"))
        .doCallRealMethod()
        .when(signer)
        .signPdf(any(), any(), any(), any());
    HocBaSigning.Batch first = asHomeroom(this::sign);
    assertThat(first).isEqualTo(new HocBaSigning.Batch(1, 0, 2, "records.sign.stopped"));
    assertThat(versions()).containsExactly(1);

    HocBaSigning.Batch second = asHomeroom(this::sign);
    assertThat(second).isEqualTo(new HocBaSigning.Batch(2, 0, 0, null));
    assertThat(versions()).containsExactly(1, 1, 1);
  }

  @Test
  void twoBatchesAtOnceSignEachDocumentOnce() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                (Callable<Object>)
                    () -> {
                      start.await();
                      try {
                        return asHomeroom(this::sign);
                      } catch (UserInputException e) {
                        return e.messageKey();
                      }
                    }));
      }
      start.countDown();
      int signed = 0;
      for (Future<Object> run : runs) {
        Object outcome = run.get();
        if (outcome instanceof HocBaSigning.Batch b) {
          assertThat(b.left()).isZero();
          signed += b.signed();
        } else {
          assertThat(outcome).isEqualTo("records.sign.nothingToSign");
        }
      }
      assertThat(signed).isEqualTo(3);
    } finally {
      pool.shutdown();
    }
    assertThat(versions()).containsExactly(1, 1, 1);
  }

  @Test
  void aCorrectionApprovedWhileThePrincipalSealsLeavesTheSealedVersionAndAsksForTheNext()
      throws Exception {
    asHomeroom(this::sign);
    TestCertificates.Issued seal = ca.issue(taught.school().name(), "9876", ISSUED, 730, true);
    long sealCert = linkSeal(seal.pkcs12());
    long first = taught.students().get(0);
    // the correction lands between the first document's seal and the next
    doAnswer(
            call -> {
              Object sealed = call.callRealMethod();
              jdbc.sql(
                      "UPDATE score_cell SET score = 5 WHERE school_id = ? AND class_id = ?"
                          + " AND student_id = ? AND subject_code = 'toan'")
                  .params(taught.school().id(), taught.classId(), first)
                  .update();
              return sealed;
            })
        .doCallRealMethod()
        .when(signer)
        .signPdf(any(), any(), any(), any());
    // every version the teacher signed is sealed as signed: the seal covers what was signed
    HocBaSteps.step(mvc, taught, "seal", principal.signedIn(), sealCert, "9876")
        .andExpect(flash().attribute("batch", new HocBaSigning.Batch(3, 0, 0, null)));
    var status =
        asHomeroom(() -> signing.status(records.ofClass(taught.school().id(), taught.classId())));
    assertThat(status.get(first).state()).isEqualTo(HocBaSigning.State.CHANGED);
    assertThat(status.get(taught.students().get(1)).state()).isEqualTo(HocBaSigning.State.SEALED);
    // the next batch makes version 2 of the corrected record only; version 1 stays sealed
    reset(signer);
    assertThat(asHomeroom(this::sign)).isEqualTo(new HocBaSigning.Batch(1, 0, 0, null));
    assertThat(
            jdbc.sql("SELECT count(*) FROM hocba_seal WHERE school_id = ? AND student_id = ?")
                .params(taught.school().id(), first)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private long linkSeal(byte[] p12) {
    try {
      mvc.perform(
              multipart("/schools/{s}/certificates", taught.school().id())
                  .file(new MockMultipartFile("file", "seal.p12", "application/x-pkcs12", p12))
                  .param("purpose", "SEAL")
                  .param("pin", "9876")
                  .with(csrf())
                  .with(authentication(principal.signedIn())))
          .andExpect(flash().attribute("uploadSaved", true));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jdbc.sql("SELECT id FROM signing_certificate WHERE school_id = ? AND purpose = 'SEAL'")
        .param(taught.school().id())
        .query(Long.class)
        .single();
  }

  private HocBaSigning.Batch sign() {
    AuthenticatedUser user = (AuthenticatedUser) homeroom.signedIn().getPrincipal();
    return signing.sign(
        taught.school().id(), taught.classId(), user, certificate, "1234".toCharArray());
  }

  private <T> T asHomeroom(java.util.function.Supplier<T> action) {
    SecurityContextHolder.getContext().setAuthentication(homeroom.signedIn());
    try {
      return action.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private List<Integer> versions() {
    return jdbc.sql("SELECT version FROM hocba_version WHERE school_id = ? ORDER BY student_id")
        .param(taught.school().id())
        .query(Integer.class)
        .list();
  }
}
