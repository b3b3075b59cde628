package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.people.Sex;
import vn.truongso.platform.PdfTests;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.support.QrCodes;

/**
 * A student's year of the học bạ (TT22 annex; docs/domain/official-books.md) printed as PDF/A-3b
 * that veraPDF accepts, its values where the pages put them, the student's header on every page,
 * and the year's học bạ số XML inside it as the associated file it was made from.
 */
@SpringBootTest
class HocBaPrintIntegrationTests {

  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;

  @Test
  void everyPageCarriesAQrCodeAndTheLinkToTheRecordsVerificationPage() throws Exception {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] pdf = print.pdf(r);
    String link = "http://localhost:8080/verify/" + xml.fingerprint(r);
    assertThat(print.verifyLink(r)).isEqualTo(link).matches(".*/verify/[0-9a-f]{64}");

    assertThat(QrCodes.pages(pdf)).isEqualTo(2);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int page = 0; page < 2; page++) {
        assertThat(QrCodes.onPage(pdf, page)).as("page %d", page + 1).isEqualTo(link);
        PDFTextStripper strip = new PDFTextStripper();
        strip.setStartPage(page + 1);
        strip.setEndPage(page + 1);
        // the link wraps beside the code: the reader types it without the line breaks
        assertThat(strip.getText(doc).replaceAll("\\s+", "")).contains(link);
      }
    }
  }

  @Test
  void aYearPrintsAsPdfA3bWithItsXmlInside() throws Exception {
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    byte[] pdf = print.pdf(r);

    assertThat(PdfTests.pdfA3bFailures(pdf)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      for (int page = 1; page <= 2; page++) {
        PDFTextStripper strip = new PDFTextStripper();
        strip.setStartPage(page);
        strip.setEndPage(page);
        // a long place name wraps in its cell (never overflows): compare words, not lines
        assertThat(strip.getText(doc).replaceAll("\\s+", " "))
            .as("page %d repeats the student's header", page)
            .contains(
                "Họ và tên: Nguyễn Thị Ánh Tuyết",
                "Lớp: 7A1",
                "Năm học: 2025–2026",
                "2025–2026",
                "Trường THCS Nguyễn Du",
                "Phường Bến Thành",
                "Thành phố Hồ Chí Minh");
      }
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Toán 7,5 8,5 8,2")
          .contains("Giáo dục thể chất Đ Đ Đ Miễn học kì II")
          .contains("- Được lên lớp: Có", "Học sinh Giỏi")
          .contains("Lê Thị Hoa", "Phạm Văn Minh");

      Map<String, PDComplexFileSpecification> files =
          doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      PDComplexFileSpecification spec = files.get("hocba-HS0007-2025.xml");
      assertThat(spec).isNotNull();
      assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Source");
      ByteArrayOutputStream embedded = new ByteArrayOutputStream();
      spec.getEmbeddedFile().createInputStream().transferTo(embedded);
      assertThat(embedded.toByteArray()).isEqualTo(xml.current(r));
    }
  }
}
