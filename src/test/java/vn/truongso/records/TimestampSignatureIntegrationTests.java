package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.people.Sex;
import vn.truongso.platform.PdfTests;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestTimestampAuthority;

/**
 * Signatures above B-B against a real RFC 3161 time-stamping authority on a local port (its time
 * the test clock's): at B-T the library's validator passes the PDF and the XML and reports the
 * authority's time, and poppler's pdfsig reads the PDF signature; a failing authority signs
 * nothing; at B-LT the CA's CRL is embedded, so that the validator passes the signature offline
 * with only the CA trusted; a CRL that cannot be fetched leaves the signature at B-T, said so.
 */
@SpringBootTest
class TimestampSignatureIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;
  @Autowired SignatureCheck check;
  @Autowired Clock clock;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  private TestTimestampAuthority tsa;
  private TestCertificates.Issued homeroom;

  @BeforeEach
  void start() throws Exception {
    tsa = new TestTimestampAuthority(ca, ISSUED, clock);
    homeroom = ca.issue("Lê Thị Hoa", "1234", ISSUED, 730, true, tsa.crlUrl());
  }

  @AfterEach
  void stop() {
    tsa.close();
  }

  @Test
  void atBtTheAuthoritysTimeIsProvedAndPdfsigReadsTheSignature(@TempDir Path dir) throws Exception {
    Signer signer = new Signer(clock, tsa.url(), Signer.Level.T);
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Signer.Signed pdf;
    Signer.Signed signedXml;
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      pdf = signer.pdf(print.pdf(r), key, "Giáo viên chủ nhiệm xác nhận", "7A1");
      signedXml = signer.xml(xml.current(r), key);
    }
    assertThat(pdf.level()).isEqualTo(Signer.Level.T);
    assertThat(signedXml.level()).isEqualTo(Signer.Level.T);
    assertThat(tsa.stamped()).isEqualTo(2);

    SignatureCheck.Found p = check.check(pdf.bytes(), trustedDirectly()).getFirst();
    assertThat(p.passed()).as(p.toString()).isTrue();
    assertThat(p.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
    assertThat(p.timestampedAt()).isBetween(before, clock.instant());
    SignatureCheck.Found x = check.check(signedXml.bytes(), trustedDirectly()).getFirst();
    assertThat(x.passed()).as(x.toString()).isTrue();
    assertThat(x.format()).isEqualTo(SignatureLevel.XAdES_BASELINE_T);
    assertThat(x.timestampedAt()).isBetween(before, clock.instant());
    xml.validateCurrent(signedXml.bytes());

    assertThat(PdfTests.pdfA3bFailures(pdf.bytes())).isEmpty();
    String pdfsig = pdfsig(dir, pdf.bytes());
    assertThat(pdfsig).contains("Signature is Valid", "Total document signed");
  }

  @Test
  void anAuthorityThatFailsSignsNothing() {
    Signer signer = new Signer(clock, tsa.url(), Signer.Level.T);
    tsa.stamping(false);
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] pdf = print.pdf(r);
    byte[] doc = xml.current(r);
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      assertThatThrownBy(() -> signer.signPdf(pdf, key, "GVCN", "7A1"))
          .isInstanceOf(Signer.TimestampUnavailableException.class);
      assertThatThrownBy(() -> signer.xml(doc, key))
          .isInstanceOf(Signer.TimestampUnavailableException.class);
      tsa.close();
      assertThatThrownBy(() -> signer.pdf(pdf, key, "GVCN", "7A1"))
          .isInstanceOf(Signer.TimestampUnavailableException.class)
          .hasMessageContaining(tsa.url());
    }
  }

  @Test
  void atBltTheRevocationDataIsEmbeddedSoTheCaAloneIsTrusted() throws Exception {
    Signer signer = new Signer(clock, tsa.url(), Signer.Level.LT);
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    Signer.Signed pdf;
    Signer.Signed signedXml;
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      pdf = signer.pdf(print.pdf(r), key, "GVCN", "7A1");
      signedXml = signer.xml(xml.current(r), key);
    }
    assertThat(pdf.level()).as(String.valueOf(pdf.shortfall())).isEqualTo(Signer.Level.LT);
    assertThat(signedXml.level())
        .as(String.valueOf(signedXml.shortfall()))
        .isEqualTo(Signer.Level.LT);
    SignatureCheck.Found p = check.check(pdf.bytes(), List.of(ca.ca())).getFirst();
    assertThat(p.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
    assertThat(PdfTests.pdfA3bFailures(pdf.bytes())).isEmpty();
    assertThat(p.passed()).as(p.toString()).isTrue();
    SignatureCheck.Found x = check.check(signedXml.bytes(), List.of(ca.ca())).getFirst();
    assertThat(x.format()).isEqualTo(SignatureLevel.XAdES_BASELINE_LT);
    assertThat(x.passed()).as(x.toString()).isTrue();
  }

  @Test
  void withoutRevocationDataBltFallsBackToBtAndSaysSo() {
    Signer signer = new Signer(clock, tsa.url(), Signer.Level.LT);
    tsa.publishingCrl(false);
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    Signer.Signed pdf;
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      pdf = signer.pdf(print.pdf(r), key, "GVCN", "7A1");
    }
    assertThat(pdf.level()).isEqualTo(Signer.Level.T);
    assertThat(pdf.shortfall()).contains("revocation");
    SignatureCheck.Found p = check.check(pdf.bytes(), trustedDirectly()).getFirst();
    assertThat(p.passed()).as(p.toString()).isTrue();
    assertThat(p.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
  }

  @Test
  void aLevelAboveBNeedsAnAuthority() {
    assertThatThrownBy(() -> new Signer(clock, null, Signer.Level.T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The signer's and the authority's certificates themselves as trust anchors: offline, a
   * certificate below a trusted CA needs revocation data, which only B-LT carries.
   */
  private List<X509Certificate> trustedDirectly() {
    return List.of(homeroom.certificate(), tsa.certificate());
  }

  private static String pdfsig(Path dir, byte[] pdf) throws Exception {
    Path file = dir.resolve("signed.pdf");
    Files.write(file, pdf);
    Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
