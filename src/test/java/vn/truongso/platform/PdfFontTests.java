package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The fonts the PDFs embed reach PDFBox without their substitution table (which it would apply,
 * slowly, to every string) and still map every Vietnamese letter to a glyph.
 */
class PdfFontTests {

  @Test
  void theFontKeepsItsGlyphsAndLosesOnlyItsSubstitutions() throws Exception {
    byte[] original;
    try (InputStream in = new ClassPathResource("fonts/Tinos-Regular.ttf").getInputStream()) {
      original = in.readAllBytes();
    }
    TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
    TrueTypeFont after =
        new TTFParser().parse(new RandomAccessReadBuffer(Pdf.withoutSubstitutions(original)));

    assertThat(before.getGsubData()).isNotEqualTo(GsubData.NO_DATA_FOUND);
    assertThat(after.getGsubData()).isEqualTo(GsubData.NO_DATA_FOUND);
    assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
    for (int c : "ẮẰẲẴẶắằẳẵặỆệỸỹƠơƯưĐđ".codePoints().toArray()) {
      assertThat(after.getUnicodeCmapLookup().getGlyphId(c)).as("U+%04X", c).isPositive();
    }
  }
}
