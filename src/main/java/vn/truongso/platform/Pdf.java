package vn.truongso.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Printable documents: well-formed XHTML to an archival PDF (PDF/A-3b) in Tinos, a serif metric
 * compatible with Times New Roman that has every Vietnamese letter, embedded so the page prints the
 * same anywhere in years to come.
 */
@Component
public class Pdf {

  private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

  static {
    // Each PDF/A's metadata is serialised through TransformerFactory.newInstance(), which without
    // this property searches every jar on the class path for another implementation, every time
    // (a sixth of a printed page's time); the JDK's own is the one used anyway.
    if (System.getProperty(TRANSFORMER_FACTORY) == null) {
      System.setProperty(
          TRANSFORMER_FACTORY,
          "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }
  }

  /**
   * The PDF of a document. Text is put in composed form first: decomposed marks (as some keyboards
   * and copied text give them) print misplaced ("Nguyêñ").
   */
  public byte[] fromXhtml(String xhtml) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
    builder.useColorProfile(SRGB);
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

  /**
   * The PDF with a file embedded as an associated file of the document (PDF/A-3 art. 6.8: file
   * specification with {@code /UF}, {@code /AFRelationship}, the MIME type and the modification
   * date, listed in the catalogue's {@code /AF}), so that the data the page shows travels inside
   * the archival file and stays PDF/A-3b.
   *
   * @param relationship {@code Source} when the page was made from the file, {@code Data} when the
   *     file holds the page's data
   */
  public byte[] attach(
      byte[] pdf,
      String fileName,
      String mimeType,
      byte[] content,
      String description,
      String relationship,
      Instant modified) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      GregorianCalendar at = GregorianCalendar.from(modified.atZone(ZoneOffset.UTC));
      PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(content));
      file.setSubtype(mimeType);
      file.setSize(content.length);
      file.setCreationDate(at);
      file.setModDate(at);
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile(fileName);
      spec.setFileUnicode(fileName);
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      spec.setFileDescription(description);
      spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), relationship);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of(fileName, spec));
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
      names.setEmbeddedFiles(tree);
      catalog.setNames(names);
      COSArray associated = new COSArray();
      associated.add(spec);
      catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void font(PdfRendererBuilder b, String file, int weight, FontStyle style) {
    byte[] bytes = FONTS.computeIfAbsent(file, Pdf::read);
    b.useFont(() -> new ByteArrayInputStream(bytes), "Tinos", weight, style, true);
  }

  // Read once: every printed page set embeds the same three faces.
  private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private static byte[] read(String file) {
    try (InputStream in = new ClassPathResource("fonts/" + file).getInputStream()) {
      return withoutSubstitutions(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The font with its glyph substitution table (GSUB) hidden under a tag no reader knows. PDFBox
   * applies a font's GSUB rules to every string it shows, compiling regular expressions each time:
   * two fifths of a printed page's time. Text reaches the renderer in composed form (NFC), where
   * every Vietnamese letter has its own glyph, so the substitutions would change nothing but the
   * "fi"/"fl" ligatures, which the paper books do not use either. The embedded subsets are written
   * afresh by PDFBox and carry no such table.
   */
  static byte[] withoutSubstitutions(byte[] ttf) {
    byte[] out = ttf.clone();
    int tables = ((out[4] & 0xff) << 8) | (out[5] & 0xff);
    for (int i = 0; i < tables; i++) {
      int at = 12 + 16 * i;
      if (out[at] == 'G' && out[at + 1] == 'S' && out[at + 2] == 'U' && out[at + 3] == 'B') {
        out[at] = 'X';
      }
    }
    return out;
  }
}
