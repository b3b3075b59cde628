package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.control.YearSeals;
import vn.truongso.identity.Role;
import vn.truongso.org.OrgUnit;
import vn.truongso.people.Sex;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.GeneratedSchools;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestOrg;

/**
 * A whole school's year-end archive with its signed học bạ (not part of the test run): a generated
 * school of 45 classes × 45 students with a full approved year, every student's record signed by
 * the homeroom teacher and sealed (one real signed and sealed PDF/A and XML, stored for each
 * student), then the year sealed: the archive holds the year's data and 2 × 2 025 signed files. Run
 * with {@code bench/archive.sh}.
 */
@Tag("benchmark")
@SpringBootTest
class RecordsArchiveBenchmark {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired TestOrg testOrg;
  @Autowired TestAccounts testAccounts;
  @Autowired GeneratedSchools generator;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;
  @Autowired Signer signer;
  @Autowired YearSeals seals;

  @Test
  void sealAGeneratedSchoolsYearWithItsSignedRecords() throws Exception {
    OrgUnit ward = testOrg.wardOffice(testOrg.province(), null);
    var g = generator.school(ward, "THCS Lưu trữ", 45, 45);
    for (GeneratedSchools.GeneratedClass c : g.classes()) {
      tx.executeWithoutResult(st -> generator.fillYear(g.school().id(), c, true));
    }
    TestCertificates ca = new TestCertificates(ISSUED);
    var teacher = ca.issue("GVCN", "1", ISSUED, 730, true);
    var school = ca.issue("THCS", "1", ISSUED, 730, true);
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] x;
    byte[] p;
    try (SigningKey t = SigningKey.pkcs12(teacher.pkcs12(), "1".toCharArray());
        SigningKey s = SigningKey.pkcs12(school.pkcs12(), "1".toCharArray())) {
      x = signer.signXml(signer.signXml(xml.current(r), t), s);
      p = signer.signPdf(signer.signPdf(print.pdf(r), t, "GVCN", "7A1"), s, "HT", "7A1");
    }
    long schoolId = g.school().id();
    var principal = testAccounts.create(g.school(), Role.PRINCIPAL, "Hiệu trưởng", "x", false);
    long cert =
        jdbc.sql(
                "INSERT INTO signing_certificate (school_id, purpose, kind, subject, issuer,"
                    + " serial, not_before, not_after, certificate, pkcs12, registered_by,"
                    + " registered_at) VALUES (?, 'SEAL', 'PKCS12', 'CN=THCS', 'CN=CA', '1',"
                    + " now(), now(), ?, ?, ?, now()) RETURNING id")
            .params(schoolId, school.certificate().getEncoded(), school.pkcs12(), principal.id())
            .query(Long.class)
            .single();
    for (GeneratedSchools.GeneratedClass c : g.classes()) {
      for (Long student : c.students()) {
        store(schoolId, c.id(), student, cert, x, p, principal.id());
      }
    }
    System.out.printf(
        "BENCH stored %d signed records: PDF %.0f KB, XML %.0f KB each%n",
        45 * 45, p.length / 1024.0, x.length / 1024.0);

    SecurityContextHolder.getContext().setAuthentication(principal.signedIn());
    try {
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      long t0 = System.nanoTime();
      YearSeals.Seal sealed =
          seals.seal(
              (AuthenticatedUser) principal.signedIn().getPrincipal(),
              schoolId,
              2026,
              "Kết thúc năm học",
              "2026-2027");
      long t1 = System.nanoTime();
      long after = rt.totalMemory() - rt.freeMemory();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      seals.writeArchive(schoolId, 2026, size -> {}, out);
      byte[] archive = out.toByteArray();
      long t2 = System.nanoTime();
      assertThat(sealed.archiveSha256()).isNotBlank();
      System.out.printf(
          "BENCH sealed the year of 2 025 students with 4 050 signed files: archive %.1f MB,"
              + " seal %.1f s, download and check %.1f s, heap grew by about %.0f MB%n",
          archive.length / 1048576.0,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (after - before) / 1048576.0);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void store(
      long schoolId, long classId, long student, long cert, byte[] x, byte[] p, long by) {
    jdbc.sql(
            "INSERT INTO hocba_version (school_id, student_id, start_year, version, class_id,"
                + " content_sha256, xml, pdf, signed_by, signed_by_name, signed_certificate_id,"
                + " signed_at) VALUES (?, ?, 2026, 1, ?, repeat('0', 64), ?, ?, ?, 'GVCN', ?,"
                + " now())")
        .params(schoolId, student, classId, x, p, by, cert)
        .update();
    jdbc.sql(
            "INSERT INTO hocba_seal (school_id, student_id, start_year, version, xml, pdf,"
                + " sealed_by, sealed_by_name, sealed_as, sealed_certificate_id, sealed_at)"
                + " VALUES (?, ?, 2026, 1, ?, ?, ?, 'HT', 'PRINCIPAL', ?, now())")
        .params(schoolId, student, x, p, by, cert)
        .update();
  }
}
