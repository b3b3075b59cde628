package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.truongso.support.PngHeaders;

/** Photos are judged by their bytes, not their names, and come out small JPEGs. */
class PhotosTests {

  @Test
  void aLargePngBecomesAJpegThatFitsTheSchoolRecord() throws Exception {
    byte[] png = image(1200, 1600, "png");
    byte[] out = Photos.normalise(png);
    assertThat(Photos.isJpeg(out)).isTrue();
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(out));
    assertThat(read.getWidth()).isEqualTo(480);
    assertThat(read.getHeight()).isEqualTo(640);
  }

  @Test
  void aSmallJpegKeepsItsSize() throws Exception {
    BufferedImage read =
        ImageIO.read(new ByteArrayInputStream(Photos.normalise(image(300, 400, "jpg"))));
    assertThat(read.getWidth()).isEqualTo(300);
  }

  @Test
  void aPngDeclaringSixteenThousandPixelsASideIsRefusedBeforeDecoding() {
    byte[] bomb = PngHeaders.declaring(16_000, 16_000);
    assertThatThrownBy(() -> Photos.normalise(bomb))
        .isInstanceOfSatisfying(
            UserInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("photo.tooManyPixels"));
  }

  @Test
  void aPhonePhotoIsReadSubsampledAndFits() throws Exception {
    BufferedImage read =
        ImageIO.read(new ByteArrayInputStream(Photos.normalise(image(3024, 4032, "jpg"))));
    assertThat(read.getWidth()).isEqualTo(480);
    assertThat(read.getHeight()).isEqualTo(640);
  }

  @Test
  void aProgramRenamedAsAPhotoIsRefused() {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
    assertThatThrownBy(() -> Photos.normalise(elf))
        .isInstanceOfSatisfying(
            UserInputException.class, e -> assertThat(e.messageKey()).isEqualTo("photo.notImage"));
  }

  @Test
  void aTruncatedJpegIsRefused() throws Exception {
    byte[] jpeg = image(300, 400, "jpg");
    byte[] broken = java.util.Arrays.copyOf(jpeg, 20);
    assertThatThrownBy(() -> Photos.normalise(broken)).isInstanceOf(UserInputException.class);
  }

  @Test
  void textPretendingToBeAnImageIsRefused() {
    assertThatThrownBy(
            () -> Photos.normalise("<html>not an image</html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UserInputException.class);
  }

  @Test
  void moreThanFiveMegabytesIsRefused() {
    byte[] big = new byte[Photos.MAX_BYTES + 1];
    big[0] = (byte) 0xff;
    big[1] = (byte) 0xd8;
    big[2] = (byte) 0xff;
    assertThatThrownBy(() -> Photos.normalise(big))
        .isInstanceOfSatisfying(
            UserInputException.class, e -> assertThat(e.messageKey()).isEqualTo("photo.tooLarge"));
  }

  static byte[] image(int width, int height, String format) throws Exception {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x += 10) {
      img.setRGB(x, x % height, 0x336699);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }
}
