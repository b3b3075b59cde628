package vn.truongso.records.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Sha256;

/**
 * The files of a ZIP that TruongSo made — a class's học bạ package ({@code SHA256SUMS}) or a sealed
 * year's archive ({@code manifest.json}) — with each listed file's hash checked against the list,
 * so that {@code verify-signature} checks a whole archive offline: the hashes, then every signed
 * document in it.
 */
final class ArchiveCheck {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ArchiveCheck() {}

  /** Whether the bytes are a ZIP (its local file header). */
  static boolean isZip(byte[] bytes) {
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  /** The archive's files by name, in their order. */
  static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (!e.isDirectory()) {
          files.put(e.getName(), z.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * Each file the archive's list names → whether its SHA-256 is the listed one (false also for a
   * listed file that is missing); empty when the archive has no list.
   */
  static Map<String, Boolean> hashes(Map<String, byte[]> files) {
    Map<String, String> listed = new LinkedHashMap<>();
    byte[] sums = files.get("SHA256SUMS");
    if (sums != null) {
      for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
        int gap = line.indexOf("  ");
        if (gap == 64) {
          listed.put(line.substring(gap + 2).strip(), line.substring(0, gap));
        }
      }
    }
    byte[] manifest = files.get("manifest.json");
    if (manifest != null) {
      JsonNode m = JSON.readTree(manifest);
      for (JsonNode p : m.path("parts")) {
        listed.put(p.path("entry").asString(), p.path("sha256").asString());
      }
      for (JsonNode f : m.path("files")) {
        listed.put(f.path("path").asString(), f.path("sha256").asString());
      }
    }
    Map<String, Boolean> checked = new LinkedHashMap<>();
    listed.forEach(
        (name, sha) -> {
          byte[] content = files.get(name);
          checked.put(name, content != null && Sha256.hex(content).equalsIgnoreCase(sha));
        });
    return checked;
  }

  /** A document the command checks the signatures of: the records, not the schema or the data. */
  static boolean signed(String name) {
    return (name.endsWith(".pdf") || name.endsWith(".xml")) && !name.endsWith(".xsd");
  }
}
