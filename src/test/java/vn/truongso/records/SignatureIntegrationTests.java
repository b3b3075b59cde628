package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import vn.truongso.support.SoftHsm;
import vn.truongso.support.TestCertificates;

/**
 * A học bạ signed with a personal PKCS#12 key: PAdES on the PDF (still PDF/A-3b), XAdES enveloped
 * on the XML (still valid against its schema); the library's validator passes both with the CA
 * trusted, and a single changed byte breaks each; poppler's pdfsig, an independent validator, reads
 * the PDF signature as valid and the changed one as not.
 */
@SpringBootTest
class SignatureIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;
  @Autowired Signer signer;
  @Autowired SignatureCheck check;
  @Autowired java.time.Clock clock;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  private final TestCertificates.Issued homeroom =
      ca.issue("Lê Thị Hoa", "1234", ISSUED, 730, true);

  @Test
  void aSignedPdfPassesAndAChangedByteBreaksIt(@TempDir Path dir) throws Exception {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] signed;
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      signed = signer.signPdf(print.pdf(r), key, "Giáo viên chủ nhiệm xác nhận", "7A1");
    }
    List<SignatureCheck.Found> found = check.check(signed, trusted());
    assertThat(found).hasSize(1);
    assertThat(found.getFirst().passed()).as(found.toString()).isTrue();
    assertThat(found.getFirst().signedBy()).contains("Lê Thị Hoa");
    // the signing time is the application clock's, whatever the machine's date
    assertThat(found.getFirst().signedAt()).isBetween(before, clock.instant());
    assertThat(PdfTests.pdfA3bFailures(signed)).isEmpty();
    // with nothing trusted the signature is intact, but whose it is cannot be told
    SignatureCheck.Found untrusted = check.check(signed, List.of()).getFirst();
    assertThat(untrusted.passed() || untrusted.broken()).isFalse();

    byte[] changed = changeOneByteInTheContent(signed);
    assertThat(check.check(changed, trusted()).getFirst().broken()).isTrue();

    assertThat(pdfsig(dir, "signed.pdf", signed)).contains("Signature is Valid");
    assertThat(pdfsig(dir, "changed.pdf", changed)).doesNotContain("Signature is Valid");
  }

  @Test
  void aSignedXmlStaysValidAgainstItsSchemaAndAChangedByteBreaksIt() throws Exception {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] signed;
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      signed = signer.signXml(xml.current(r), key);
    }
    xml.validateCurrent(signed);
    List<SignatureCheck.Found> found = check.check(signed, trusted());
    assertThat(found).hasSize(1);
    assertThat(found.getFirst().passed()).as(found.toString()).isTrue();

    String text = new String(signed, java.nio.charset.StandardCharsets.UTF_8);
    byte[] changed =
        text.replace("<canam>8.2</canam>", "<canam>9.2</canam>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(changed).isNotEqualTo(signed);
    assertThat(check.check(changed, trusted()).getFirst().broken()).isTrue();
  }

  /**
   * The signer's certificate itself as the trust anchor: offline, a certificate below a trusted CA
   * still needs revocation data (B-LT, or the CA's OCSP) before the validator passes it.
   */
  private List<java.security.cert.X509Certificate> trusted() {
    return List.of(homeroom.certificate());
  }

  @Test
  void aHardwareTokenOverPkcs11SignsTooAndRefusesAWrongPin() throws Exception {
    String module = SoftHsm.freshModule();
    SoftHsm.token("4321", homeroom.key(), homeroom.certificate());
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] pdf;
    byte[] signedXml;
    try (SigningKey key = SigningKey.pkcs11(module, 0, "4321".toCharArray())) {
      assertThat(key.certificate()).isEqualTo(homeroom.certificate());
      pdf = signer.signPdf(print.pdf(r), key, "Giáo viên chủ nhiệm xác nhận", "7A1");
      signedXml = signer.signXml(xml.current(r), key);
    }
    assertThat(check.check(pdf, trusted()).getFirst().passed()).isTrue();
    assertThat(check.check(signedXml, trusted()).getFirst().passed()).isTrue();
    assertThatThrownBy(() -> SigningKey.pkcs11(module, 0, "0000".toCharArray()))
        .isInstanceOf(SigningKey.WrongPinException.class);
  }

  @Test
  void aWrongPinOpensNothing() {
    assertThatThrownBy(() -> SigningKey.pkcs12(homeroom.pkcs12(), "0000".toCharArray()))
        .isInstanceOf(SigningKey.WrongPinException.class);
  }

  /**
   * A byte inside the first compressed stream (the page's text, within the signed range) changed;
   * the file still parses, so only the digest can tell.
   */
  private static byte[] changeOneByteInTheContent(byte[] pdf) {
    byte[] copy = pdf.clone();
    String s = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1);
    int stream = s.indexOf("stream", s.indexOf("/FlateDecode"));
    assertThat(stream).isPositive();
    int at = stream + "stream".length() + 20;
    copy[at] = (byte) (copy[at] ^ 0x01);
    return copy;
  }

  private static String pdfsig(Path dir, String name, byte[] pdf) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, pdf);
    Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
