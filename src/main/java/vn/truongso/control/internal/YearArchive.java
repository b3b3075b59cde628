package vn.truongso.control.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sealed school year as one ZIP: each module's part as a JSON array of rows ({@code
 * data/<part>.json}) and {@code manifest.json} with each part's row count and SHA-256. The parts
 * are streamed from the database row by row, so a large school's year does not sit in memory twice.
 */
public final class YearArchive {

  public static final String FORMAT = "truongso-year-archive/1";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private YearArchive() {}

  /** One part in the manifest. */
  public record Part(String name, String entry, long rows, String sha256) {}

  /** One file kept as it is, in the manifest. */
  public record File(String path, long size, String sha256) {}

  /**
   * What sealing produced: the ZIP in a temporary file (a school's year with its signed records is
   * too large to hold in memory twice), its size and the hashes the audit chain keeps. Closing it
   * deletes the file.
   */
  public record Built(
      java.nio.file.Path file, long size, String sha256, String manifestSha256, List<Part> parts)
      implements AutoCloseable {

    @Override
    public void close() {
      try {
        java.nio.file.Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * @param queries part name → SELECT with {@code :school} and {@code :year}
   * @param files part name → SELECT of {@code path} and {@code content} (see {@code
   *     YearRecords#files})
   * @param header what the manifest says of the school, the year and the seal
   */
  public static Built build(
      NamedParameterJdbcTemplate jdbc,
      Map<String, String> queries,
      Map<String, String> files,
      long schoolId,
      int startYear,
      Instant sealedAt,
      Map<String, Object> header) {
    java.nio.file.Path file = temporaryFile();
    MessageDigest whole = sha256();
    try (ZipOutputStream zip =
        new ZipOutputStream(
            new java.security.DigestOutputStream(
                new java.io.BufferedOutputStream(
                    java.nio.file.Files.newOutputStream(file), 1 << 16),
                whole))) {
      Map<String, Object> params = Map.of("school", schoolId, "year", startYear);
      List<Part> parts = parts(jdbc, zip, queries, params, sealedAt);
      List<File> kept = files(jdbc, zip, files, params, sealedAt);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", FORMAT);
      manifest.putAll(header);
      manifest.put("parts", parts);
      if (!kept.isEmpty()) {
        manifest.put("files", kept);
      }
      byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
      ZipEntry m = new ZipEntry("manifest.json");
      m.setTime(sealedAt.toEpochMilli());
      zip.putNextEntry(m);
      zip.write(manifestBytes);
      zip.closeEntry();
      zip.finish();
      zip.close();
      return new Built(
          file,
          java.nio.file.Files.size(file),
          HexFormat.of().formatHex(whole.digest()),
          HexFormat.of().formatHex(sha256().digest(manifestBytes)),
          List.copyOf(parts));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static java.nio.file.Path temporaryFile() {
    try {
      // owner-only: the archive holds the students' records until it is in the database
      return java.nio.file.Files.createTempFile(
          "truongso-year-",
          ".zip",
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(java.nio.file.Path file) {
    try {
      java.nio.file.Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the temporary directory's own clean-up takes it
    }
  }

  /** Each module's part as a JSON array of rows, streamed into its entry and hashed. */
  private static List<Part> parts(
      NamedParameterJdbcTemplate jdbc,
      ZipOutputStream zip,
      Map<String, String> queries,
      Map<String, Object> params,
      Instant sealedAt)
      throws IOException {
    List<Part> parts = new ArrayList<>();
    for (Map.Entry<String, String> q : new TreeMap<>(queries).entrySet()) {
      String entry = "data/" + q.getKey() + ".json";
      ZipEntry e = new ZipEntry(entry);
      e.setTime(sealedAt.toEpochMilli());
      zip.putNextEntry(e);
      MessageDigest digest = sha256();
      long[] rows = {0};
      write(zip, digest, "[");
      jdbc.query(
          "SELECT row_to_json(q)::text FROM (" + q.getValue() + ") q",
          params,
          rs -> {
            write(zip, digest, (rows[0] == 0 ? "\n" : ",\n") + rs.getString(1));
            rows[0]++;
          });
      write(zip, digest, "\n]\n");
      zip.closeEntry();
      parts.add(new Part(q.getKey(), entry, rows[0], HexFormat.of().formatHex(digest.digest())));
    }
    return parts;
  }

  private static List<File> files(
      NamedParameterJdbcTemplate jdbc,
      ZipOutputStream zip,
      Map<String, String> files,
      Map<String, Object> params,
      Instant sealedAt) {
    List<File> kept = new ArrayList<>();
    for (String query : new TreeMap<>(files).values()) {
      jdbc.query(
          query,
          params,
          rs -> {
            String path = "files/" + rs.getString("path");
            byte[] content = rs.getBytes("content");
            ZipEntry e = new ZipEntry(path);
            e.setTime(sealedAt.toEpochMilli());
            try {
              zip.putNextEntry(e);
              zip.write(content);
              zip.closeEntry();
            } catch (IOException x) {
              throw new UncheckedIOException(x);
            }
            kept.add(
                new File(path, content.length, HexFormat.of().formatHex(sha256().digest(content))));
          });
    }
    return kept;
  }

  private static void write(ZipOutputStream zip, MessageDigest digest, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    digest.update(b);
    try {
      zip.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
