package vn.truongso.corrections.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.truongso.corrections.Corrections;
import vn.truongso.corrections.Upload;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.ScannedFiles;
import vn.truongso.platform.Sha256;

/**
 * What an evidence file is, judged by its content and never by its name: a PDF (a scanned mark book
 * page), a JPEG or a PNG (a photo of the student's test). Anything else, an executable renamed
 * {@code .pdf} included, is refused.
 */
public final class EvidenceFiles {

  private EvidenceFiles() {}

  /** The files one request keeps at most. */
  public static final int MAX_FILES = 10;

  /**
   * The media type the bytes are, if one we keep ({@link ScannedFiles#mediaType}: a PDF, a JPEG or
   * a PNG by content).
   */
  public static Optional<String> mediaType(byte[] b) {
    return ScannedFiles.mediaType(b);
  }

  /** A file that passed: the name it is kept under, its type, its bytes and their SHA-256. */
  public record Checked(String name, String mediaType, byte[] content, String sha256) {}

  /**
   * The files given (empty ones are no file), each judged; what fails is added to {@code errors}
   * under "evidence", and more than {@link #MAX_FILES} fail together.
   */
  public static List<Checked> check(List<Upload> uploads, InvalidInput.Collector errors) {
    List<Checked> out = new ArrayList<>();
    List<Upload> given =
        uploads.stream()
            .filter(u -> u != null && u.content() != null && u.content().length > 0)
            .toList();
    if (given.size() > MAX_FILES) {
      errors.add("evidence", "corrections.evidence.many", MAX_FILES);
      return out;
    }
    for (Upload u : given) {
      if (u.content().length > Corrections.MAX_EVIDENCE_BYTES) {
        errors.add("evidence", "corrections.evidence.size", u.fileName(), 5);
        continue;
      }
      Optional<String> type = mediaType(u.content());
      if (type.isEmpty()) {
        errors.add("evidence", "corrections.evidence.type", u.fileName());
        continue;
      }
      out.add(
          new Checked(
              cleanName(u.fileName(), type.get()),
              type.get(),
              u.content(),
              Sha256.hex(u.content())));
    }
    return out;
  }

  /** The name a file is kept under: its base name, without control characters, at most 200. */
  public static String cleanName(String name, String mediaType) {
    String n = name == null ? "" : name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (n.isEmpty()) {
      n =
          switch (mediaType) {
            case "application/pdf" -> "minh-chung.pdf";
            case "image/png" -> "minh-chung.png";
            default -> "minh-chung.jpg";
          };
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }
}
