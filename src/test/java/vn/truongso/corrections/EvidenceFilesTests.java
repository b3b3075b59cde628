package vn.truongso.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.truongso.corrections.internal.EvidenceFiles;

/**
 * Evidence is judged by its content (issue 5: "an evidence file that is an executable renamed .pdf"
 * is refused): the teacher's mark book page as a PDF scan, the student's test as a photo.
 */
class EvidenceFilesTests {

  static java.util.stream.Stream<Arguments> files() {
    byte[] pdf = ascii("%PDF-1.7\n% scanned page\n1 0 obj << >> endobj\n%%EOF\n");
    byte[] truncatedPdf = ascii("%PDF-1.7\n% scanned page, upload cut off here...");
    byte[] exe = new byte[128];
    exe[0] = 'M';
    exe[1] = 'Z';
    byte[] elf = new byte[128];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    byte[] html = ascii("<html><script>alert(1)</script>%PDF-1.7 %%EOF</html>");
    return java.util.stream.Stream.of(
        Arguments.of("PDF with header and trailer", pdf, Optional.of("application/pdf")),
        Arguments.of("PDF cut off before its trailer", truncatedPdf, Optional.empty()),
        Arguments.of("JPEG", CorrectionsIntegrationTests.jpeg(), Optional.of("image/jpeg")),
        Arguments.of("PNG", CorrectionsIntegrationTests.png(), Optional.of("image/png")),
        Arguments.of(
            "PNG declaring 16 000 × 16 000 pixels (a decompression bomb)",
            vn.truongso.support.PngHeaders.declaring(16_000, 16_000),
            Optional.empty()),
        Arguments.of("Windows executable renamed .pdf", exe, Optional.empty()),
        Arguments.of("Linux executable renamed .png", elf, Optional.empty()),
        Arguments.of("HTML that mentions PDF", html, Optional.empty()),
        Arguments.of("empty", new byte[0], Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void aFileIsWhatItsBytesSay(String what, byte[] content, Optional<String> type) {
    assertThat(EvidenceFiles.mediaType(content)).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "'C:\\Users\\co\\Sổ điểm.pdf', Sổ điểm.pdf",
    "'../../etc/passwd.pdf', passwd.pdf",
    "'', minh-chung.pdf"
  })
  void aFileKeepsOnlyItsBaseName(String given, String kept) {
    assertThat(EvidenceFiles.cleanName(given, "application/pdf")).isEqualTo(kept);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
