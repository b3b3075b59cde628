package vn.truongso.platform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an uploaded scan or photo is, judged by its content and never by its name: a PDF, a JPEG or
 * a PNG. Anything else, an executable renamed {@code .pdf} included, is none of them. Correction
 * evidence and applications for certified copies are judged here.
 */
public final class ScannedFiles {

  private ScannedFiles() {}

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
    // Whoever opens the file decodes it: an image that declares more pixels than a camera makes (a
    // decompression bomb) is refused from its header, before anything is decoded.
    if (!ImageSize.of(b).map(ImageSize::acceptable).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(jpeg ? "image/jpeg" : "image/png");
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
