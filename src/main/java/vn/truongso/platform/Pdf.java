package vn.truongso.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Printable documents: well-formed XHTML to an archival PDF (PDF/A-3b) in Tinos, a serif metric
 * compatible with Times New Roman that has every Vietnamese letter, embedded so the page prints the
 * same anywhere in years to come.
 */
@Component
public class Pdf {

  /**
   * The PDF of a document. Text is put in composed form first: decomposed marks (as some keyboards
   * and copied text give them) print misplaced ("Nguyêñ").
   */
  public byte[] fromXhtml(String xhtml) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
    builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    font(builder, "Tinos-Regular.ttf", 400, FontStyle.NORMAL);
    font(builder, "Tinos-Bold.ttf", 700, FontStyle.NORMAL);
    font(builder, "Tinos-Italic.ttf", 400, FontStyle.ITALIC);
    builder.withHtmlContent(Normalizer.normalize(xhtml, Normalizer.Form.NFC), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder b, String file, int weight, FontStyle style) {
    ClassPathResource font = new ClassPathResource("fonts/" + file);
    b.useFont(
        () -> {
          try {
            return font.getInputStream();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        "Tinos",
        weight,
        style,
        true);
  }
}
