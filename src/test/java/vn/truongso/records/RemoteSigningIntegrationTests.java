package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.signing.CscRemoteSigningService;
import vn.truongso.records.signing.RemoteSigningService;
import vn.truongso.records.signing.SignatureCheck;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestCscService;
import vn.truongso.support.TestTimestampAuthority;

/**
 * Cloud signing through a CSC-style remote service on a local port, whose key never leaves it: the
 * PDF and the XML signed through it pass the library's validator with the signer's certificate
 * trusted, and only the digests travelled, at B-B and at B-T; a wrong PIN is the same refusal as a
 * local key's; a service that is down signs nothing.
 */
@SpringBootTest
class RemoteSigningIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;
  @Autowired Signer signer;
  @Autowired SignatureCheck check;
  @Autowired Clock clock;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  private final TestCertificates.Issued homeroom =
      ca.issue("Lê Thị Hoa", "1234", ISSUED, 730, true);
  private TestCscService csc;
  private RemoteSigningService service;

  @BeforeEach
  void start() throws Exception {
    csc = new TestCscService("hoa-01", "246810", homeroom, ca.ca());
    service = new CscRemoteSigningService(csc.base(), TestCscService.TOKEN, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    csc.close();
  }

  @Test
  void aPdfAndAnXmlSignedThroughTheServicePass() {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] pdf;
    byte[] signedXml;
    try (SigningKey key = SigningKey.remote(service, "hoa-01", "246810".toCharArray())) {
      assertThat(key.certificate()).isEqualTo(homeroom.certificate());
      assertThat(key.chain()).containsExactly(homeroom.certificate(), ca.ca());
      pdf = signer.signPdf(print.pdf(r), key, "Giáo viên chủ nhiệm xác nhận", "7A1");
      signedXml = signer.signXml(xml.current(r), key);
    }
    assertThat(csc.signed()).isEqualTo(2);
    SignatureCheck.Found p = check.check(pdf, List.of(homeroom.certificate())).getFirst();
    assertThat(p.passed()).as(p.toString()).isTrue();
    assertThat(p.signedBy()).contains("Lê Thị Hoa");
    SignatureCheck.Found x = check.check(signedXml, List.of(homeroom.certificate())).getFirst();
    assertThat(x.passed()).as(x.toString()).isTrue();
    xml.validateCurrent(signedXml);
  }

  @Test
  void aRemoteKeySignsAtBtToo() throws Exception {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    Signer.Signed pdf;
    try (TestTimestampAuthority tsa = new TestTimestampAuthority(ca, ISSUED, clock);
        SigningKey key = SigningKey.remote(service, "hoa-01", "246810".toCharArray())) {
      pdf = new Signer(clock, tsa.url(), Signer.Level.T).pdf(print.pdf(r), key, "GVCN", "7A1");
      SignatureCheck.Found p =
          check.check(pdf.bytes(), List.of(homeroom.certificate(), tsa.certificate())).getFirst();
      assertThat(p.passed()).as(p.toString()).isTrue();
      assertThat(p.timestampedAt()).isNotNull();
    }
    assertThat(pdf.level()).isEqualTo(Signer.Level.T);
  }

  @Test
  void aWrongPinIsRefusedAsForALocalKey() {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] pdf = print.pdf(r);
    try (SigningKey key = SigningKey.remote(service, "hoa-01", "000000".toCharArray())) {
      assertThatThrownBy(() -> signer.signPdf(pdf, key, "GVCN", "7A1"))
          .isInstanceOf(SigningKey.WrongPinException.class);
    }
    assertThat(csc.signed()).isZero();
  }

  @Test
  void aServiceThatIsDownSignsNothing() {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] doc = xml.current(r);
    try (SigningKey key = SigningKey.remote(service, "hoa-01", "246810".toCharArray())) {
      csc.close();
      assertThatThrownBy(() -> signer.signXml(doc, key))
          .isInstanceOf(RemoteSigningService.UnavailableException.class)
          .hasMessageContaining("cannot be reached");
    }
    assertThatThrownBy(() -> SigningKey.remote(service, "hoa-01", "246810".toCharArray()))
        .isInstanceOf(RemoteSigningService.UnavailableException.class);
  }

  @Test
  void anUnknownCredentialOrAMissingTokenIsAClearRefusal() {
    assertThatThrownBy(() -> SigningKey.remote(service, "nobody", "246810".toCharArray()))
        .isInstanceOf(RemoteSigningService.UnavailableException.class)
        .hasMessageContaining("400");
    RemoteSigningService noToken =
        new CscRemoteSigningService(csc.base(), null, Duration.ofSeconds(5));
    assertThatThrownBy(() -> noToken.certificateChain("hoa-01"))
        .isInstanceOf(RemoteSigningService.UnavailableException.class)
        .hasMessageContaining("401");
  }
}
