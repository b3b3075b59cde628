package vn.truongso.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded image's width and height, read from its header without decoding a pixel: a small PNG
 * can declare 16 000 × 16 000 pixels and take a gigabyte once decoded, so the size is judged before
 * anything is decoded.
 */
public record ImageSize(int width, int height) {

  /** The most pixels an upload may declare (a 48-megapixel phone photo passes). */
  public static final long MAX_PIXELS = 50_000_000L;

  /** The longest side an upload may declare. */
  public static final int MAX_SIDE = 12_000;

  public boolean acceptable() {
    return width > 0
        && height > 0
        && width <= MAX_SIDE
        && height <= MAX_SIDE
        && (long) width * height <= MAX_PIXELS;
  }

  /** The first image's size from the header, if the bytes are an image ImageIO can read. */
  public static Optional<ImageSize> of(byte[] bytes) {
    return withReader(bytes, r -> new ImageSize(r.getWidth(0), r.getHeight(0)));
  }

  /**
   * The first image decoded reading every {@code step}-th pixel in each direction: memory for the
   * result only, never for the whole picture.
   */
  public static Optional<BufferedImage> decode(byte[] bytes, int step) {
    return withReader(
        bytes,
        r -> {
          ImageReadParam param = r.getDefaultReadParam();
          param.setSourceSubsampling(step, step, 0, 0);
          return r.read(0, param);
        });
  }

  private interface Reading<T> {
    T apply(ImageReader reader) throws IOException;
  }

  private static <T> Optional<T> withReader(byte[] bytes, Reading<T> reading) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      if (in == null) {
        return Optional.empty();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return Optional.ofNullable(reading.apply(reader));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
