package vn.truongso.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** A PNG that declares any size in its header and carries one empty data chunk. */
public final class PngHeaders {

  private PngHeaders() {}

  public static byte[] declaring(int width, int height) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(ihdr);
      d.writeInt(width);
      d.writeInt(height);
      d.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
