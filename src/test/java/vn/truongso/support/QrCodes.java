package vn.truongso.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the QR code of a printed page as a phone would: the page rendered at 150 dpi (an ordinary
 * scan) and decoded by zxing.
 */
public final class QrCodes {

  private QrCodes() {}

  /** The text of the QR code on a page (0-based); fails when the page has none that reads. */
  public static String onPage(byte[] pdf, int page) throws IOException, ReaderException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 150, ImageType.RGB);
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      var bitmap =
          new BinaryBitmap(
              new HybridBinarizer(
                  new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
      try {
        return new QRCodeReader()
            .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
            .getText();
      } catch (NotFoundException e) {
        throw new AssertionError("no QR code on page " + (page + 1), e);
      }
    }
  }

  /** How many pages the PDF has. */
  public static int pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }
}
