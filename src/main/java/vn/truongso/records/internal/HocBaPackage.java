package vn.truongso.records.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import vn.truongso.platform.Sha256;

/**
 * A class's học bạ số for the Sở: one XML document per student, the schema they follow and a
 * manifest of SHA-256 hashes in {@code sha256sum}'s format, so that a receiver checks the package
 * offline with {@code sha256sum -c SHA256SUMS} and each document with the XSD beside it.
 */
@Service
public class HocBaPackage {

  static final String MANIFEST = "SHA256SUMS";
  static final String SCHEMA = "hocbaso-1.xsd";

  private final HocBaXmlV1 v1;

  HocBaPackage(HocBaXmlV1 v1) {
    this.v1 = v1;
  }

  /**
   * The ZIP of a class's published records: each student's signed and sealed XML and PDF (the XML
   * was validated before it was signed), the schema and the manifest.
   */
  public byte[] zip(
      HocBaRecords.ClassRecords records, Map<Long, HocBaVersions.Documents> published) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    records
        .records()
        .forEach(
            (id, r) -> {
              HocBaVersions.Documents d = published.get(id);
              if (d != null) {
                files.put(fileName(r), d.xml());
                files.put(pdfName(r), d.pdf());
              }
            });
    try (InputStream in = v1.schema().openStream()) {
      files.put(SCHEMA, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder manifest = new StringBuilder();
    files.forEach(
        (name, bytes) -> manifest.append(Sha256.hex(bytes)).append("  ").append(name).append('\n'));
    files.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
    return zip(files);
  }

  /** A student's document: the student code (else the school's id) and the school year. */
  public static String fileName(StudentYearRecord r) {
    String code = r.student().studentCode();
    return "hocba-"
        + (code == null ? "id" + r.student().id() : code)
        + "-"
        + r.year().startYear()
        + ".xml";
  }

  /** The printed học bạ's file: the XML's name with the PDF's extension. */
  public static String pdfName(StudentYearRecord r) {
    return fileName(r).replace(".xml", ".pdf");
  }

  private static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (var f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
