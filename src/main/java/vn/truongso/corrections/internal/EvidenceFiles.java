package vn.truongso.corrections.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.truongso.corrections.Corrections;
import vn.truongso.corrections.Upload;
import vn.truongso.platform.ImageSize;
import vn.truongso.platform.InvalidInput;
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

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /**
   * The media type the bytes are, if one we keep. A PDF must start with its header and end with its
   * trailer (a truncated upload is refused too); a JPEG with its start-of-image marker and a frame
   * marker; a PNG with its signature and IHDR chunk; an image whose header declares at most {@link
   * ImageSize#MAX_SIDE} pixels a side and {@link ImageSize#MAX_PIXELS} in all.
   */
  public static Optional<String> mediaType(byte[] b) {
    if (b == null || b.length < 16) {
      return Optional.empty();
    }
    if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      String tail =
          new String(
              b,
              Math.max(0, b.length - 1024),
              Math.min(1024, b.length),
              StandardCharsets.ISO_8859_1);
      return tail.contains("%%EOF") ? Optional.of("application/pdf") : Optional.empty();
    }
    boolean jpeg = (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    boolean png =
        startsWith(b, PNG) && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R';
    if (!jpeg && !png) {
      return Optional.empty();
    }
    // Whoever opens the evidence decodes it: an image that declares more pixels than a camera
    // makes (a decompression bomb) is refused from its header, before anything is decoded.
    if (!ImageSize.of(b).map(ImageSize::acceptable).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(jpeg ? "image/jpeg" : "image/png");
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

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
