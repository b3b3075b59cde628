package vn.truongso.platform;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Uploaded photos (a student's portrait, a child's day shared with the family): accepted only when
 * the bytes really are a JPEG or PNG (whatever the file is called), then scaled to fit the box and
 * re-encoded as JPEG, which also drops any metadata such as the camera's location.
 */
public final class Photos {

  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private Photos() {}

  /** A student's portrait, 480 × 640 at most. */
  public static byte[] normalise(byte[] upload) {
    return normalise(upload, 480, 640);
  }

  public static byte[] normalise(byte[] upload, int maxWidth, int maxHeight) {
    if (upload == null || upload.length == 0) {
      throw new UserInputException("photo", "photo.empty");
    }
    if (upload.length > MAX_BYTES) {
      throw new UserInputException("photo", "photo.tooLarge", 5);
    }
    if (!isJpeg(upload) && !isPng(upload)) {
      throw new UserInputException("photo", "photo.notImage");
    }
    ImageSize size =
        ImageSize.of(upload).orElseThrow(() -> new UserInputException("photo", "photo.notImage"));
    if (!size.acceptable()) {
      throw new UserInputException("photo", "photo.tooManyPixels", ImageSize.MAX_SIDE);
    }
    BufferedImage source = decodeSmall(upload, size, maxWidth, maxHeight);
    if (source == null) {
      throw new UserInputException("photo", "photo.notImage");
    }
    double scale =
        Math.min(
            1.0,
            Math.min(
                (double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight()));
    int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(out, "jpg", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes every n-th pixel in each direction, n chosen so that the result is still at least twice
   * the stored size: a 12-megapixel phone photo is read as about 1 megapixel, never whole.
   */
  private static @org.jspecify.annotations.Nullable BufferedImage decodeSmall(
      byte[] upload, ImageSize size, int maxWidth, int maxHeight) {
    int step =
        Math.max(1, Math.min(size.width() / (2 * maxWidth), size.height() / (2 * maxHeight)));
    return ImageSize.decode(upload, step).orElse(null);
  }

  public static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }

  public static boolean isPng(byte[] b) {
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
