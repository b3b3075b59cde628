package vn.truongso.records.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code as an opaque black-and-white PNG in a {@code data:} URI, for a printed page to embed:
 * no alpha channel (PDF/A forbids transparency groups in PDF/A-1 and veraPDF checks soft masks),
 * the four-module quiet zone ISO/IEC 18004 asks for, and level M error correction, which still
 * reads when about 15 % of the code is smudged or stamped over.
 */
final class QrImage {

  // pixels per module: the page scales the image down, and whole pixels keep the edges sharp
  private static final int SCALE = 4;

  private QrImage() {}

  static String dataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
  }

  static byte[] png(String text) {
    BitMatrix m = matrix(text);
    int size = m.getWidth() * SCALE;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.getRaster().setSample(x, y, 0, m.get(x / SCALE, y / SCALE) ? 0 : 255);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  4));
    } catch (WriterException e) {
      // only a text longer than a QR code holds (about 2 kB): a link never is
      throw new IllegalArgumentException("too long for a QR code: " + text.length(), e);
    }
  }
}
