package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** Printed documents are archival PDF/A-3b, and Vietnamese text prints as typed. */
public class PdfTests {

  @Test
  void aVietnameseDocumentIsPdfA3bAndReadsBackAsComposedText() throws Exception {
    // decomposed as some keyboards send it: the PDF must still read "Nguyễn Thị Hương"
    String name = Normalizer.normalize("Nguyễn Thị Hương — Điểm: 8,5", Normalizer.Form.NFD);
    byte[] pdf =
        new Pdf()
            .fromXhtml(
                "<html lang=\"vi\"><head><title>Biên bản</title>"
                    + "<style>body { font-family: 'Tinos'; }</style></head>"
                    + "<body><h1>BIÊN BẢN SỬA CHỮA ĐIỂM</h1><p>"
                    + name
                    + "</p><p><em>Ký, ghi rõ họ tên</em></p></body></html>");

    try (var doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("BIÊN BẢN SỬA CHỮA ĐIỂM", "Nguyễn Thị Hương — Điểm: 8,5", "Ký, ghi rõ họ tên");
    }
    assertThat(pdfA3bFailures(pdf)).isEmpty();
  }

  /** The PDF/A-3b rules the document breaks, by veraPDF; empty when it conforms. */
  public static java.util.List<String> pdfA3bFailures(byte[] pdf) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      ValidationResult result = validator.validate(parser);
      java.util.List<String> failed =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus().name().equals("FAILED"))
              .map(a -> a.getRuleId() + " " + a.getMessage())
              .toList();
      return result.isCompliant() || !failed.isEmpty()
          ? failed
          : java.util.List.of("not compliant");
    }
  }

  /** The right edge of the rightmost glyph on any page, in points: text past a margin shows. */
  public static float rightmostGlyph(org.apache.pdfbox.pdmodel.PDDocument doc)
      throws java.io.IOException {
    float[] max = {0};
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(
              String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
            for (org.apache.pdfbox.text.TextPosition t : positions) {
              max[0] = Math.max(max[0], t.getXDirAdj() + t.getWidthDirAdj());
            }
          }
        };
    stripper.getText(doc);
    return max[0];
  }
}
