package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.TestCertificates;

/**
 * The public verification page, without an account: a signed học bạ (XML, or its PDF with the XML
 * inside) is intact and names its school and year but no person; a changed byte is reported as
 * broken; an unsigned file as unsigned.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerifyPageIntegrationTests {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired HocBaXml xml;
  @Autowired HocBaPrint print;
  @Autowired Signer signer;

  private final TestCertificates.Issued homeroom =
      new TestCertificates(ISSUED).issue("Lê Thị Hoa", "1234", ISSUED, 730, true);
  private final StudentYearRecord r =
      HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);

  @Test
  void aSignedRecordIsIntactAndNamesItsSchoolAndYearButNoPerson() throws Exception {
    mvc.perform(get("/verify")).andExpect(status().isOk());
    byte[] signedXml;
    byte[] signedPdf;
    try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
      signedXml = signer.signXml(xml.current(r), key);
      signedPdf = signer.signPdf(print.pdf(r), key, "GVCN", "7A1");
    }
    for (byte[] signed : new byte[][] {signedXml, signedPdf}) {
      assertThat(upload(signed))
          .contains("Văn bản nguyên vẹn: 1 chữ ký số", "Học bạ số")
          .contains("Trường THCS Nguyễn Du", "2025-2026")
          .doesNotContain("Nguyễn Thị Ánh Tuyết", "Lê Thị Hoa", "079312000123");
    }

    byte[] changed =
        new String(signedXml, StandardCharsets.UTF_8)
            .replace("<canam>8.2</canam>", "<canam>9.2</canam>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(upload(changed)).contains("đã bị thay đổi sau khi ký");

    assertThat(upload(xml.current(r))).contains("không có chữ ký số");
    assertThat(upload("not a document".getBytes(StandardCharsets.UTF_8)))
        .contains("không có chữ ký số")
        .doesNotContain("Học bạ số</dd>");
  }

  private String upload(byte[] bytes) throws Exception {
    return mvc.perform(
            multipart("/verify")
                .file(new MockMultipartFile("file", "hocba", "application/octet-stream", bytes))
                .with(csrf()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
