package vn.truongso.control.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.control.YearSeals;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.YearRecords;

/**
 * The year-end seal in SQL: owns {@code year_seal}, one row per sealed school year holding the
 * archive's bytes and hashes. The archive is built by {@link YearArchive} from every module's
 * {@link YearRecords} queries, under the year's {@code entry_control} row taken exclusively.
 */
@Service
class JdbcYearSeals implements YearSeals {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final List<YearRecords> records;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Organisation org;
  private final Clock clock;
  private final ControlRows rows;

  /** How much of an archive one read takes (4 MiB; tests make it small to read many slices). */
  private final int slice;

  JdbcYearSeals(
      JdbcClient jdbc,
      DataSource dataSource,
      List<YearRecords> records,
      Authorization authorization,
      AuditLog audit,
      Organisation org,
      Clock clock,
      ControlRows rows,
      @org.springframework.beans.factory.annotation.Value("${truongso.archive.slice-bytes:4194304}")
          int slice) {
    this.slice = slice;
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    // Read the parts with a cursor, a few thousand rows at a time.
    template.setFetchSize(2000);
    this.streaming = new NamedParameterJdbcTemplate(template);
    this.records = records;
    this.authorization = authorization;
    this.audit = audit;
    this.org = org;
    this.clock = clock;
    this.rows = rows;
  }

  @Override
  public Optional<Seal> of(long schoolId, int startYear) {
    return jdbc.sql(
            "SELECT school_id, start_year, sealed_at, sealed_by_name, reason, archive_sha256,"
                + " manifest_sha256, size_bytes FROM year_seal WHERE school_id = ? AND start_year = ?")
        .params(schoolId, startYear)
        .query(
            (rs, n) ->
                new Seal(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getLong(8)))
        .optional();
  }

  @Override
  public void requireUnsealed(long schoolId, int startYear) {
    Optional<Seal> seal = of(schoolId, startYear);
    if (seal.isPresent()) {
      throw YearSeals.refusal(seal.get());
    }
  }

  @Override
  public boolean maySeal(long schoolId) {
    return authorization.permits(Action.LOCK_GRADEBOOK, Target.school(schoolId));
  }

  @Override
  @Transactional
  public Seal seal(
      AuthenticatedUser user, long schoolId, int startYear, String reason, String confirmation) {
    if (!maySeal(schoolId)) {
      throw new AccessDeniedException("control.seal");
    }
    School school = org.school(schoolId).orElseThrow(() -> new AccessDeniedException("school"));
    String why = checkedReason(schoolId, startYear, reason, confirmation);
    rows.exclusive(schoolId, startYear);
    requireUnsealed(schoolId, startYear);

    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    records.forEach(
        r -> {
          queries.putAll(r.queries());
          files.putAll(r.files());
        });
    try (YearArchive.Built built =
        YearArchive.build(
            streaming,
            queries,
            files,
            schoolId,
            startYear,
            now,
            header(user, schoolId, school, startYear, now, why))) {
      insert(user, schoolId, startYear, now, why, built);
      audit.record(
          AuditEvent.of(schoolId, "control.year.sealed", "year_seal", schoolId + "/" + startYear)
              .after(audited(startYear, built))
              .because(why));
    }
    return of(schoolId, startYear).orElseThrow();
  }

  /** The year must be the school's, the reason given, and the year typed again to confirm. */
  private String checkedReason(long schoolId, int startYear, String reason, String confirmation) {
    if (org.years(schoolId).stream().noneMatch(y -> y.startYear() == startYear)) {
      throw new UserInputException("year", "control.year");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new UserInputException("reason", "control.seal.reason.required");
    }
    String expected = yearLabel(startYear);
    if (confirmation == null || !confirmation.strip().equals(expected)) {
      throw new UserInputException("confirmation", "control.seal.confirm", expected);
    }
    return why;
  }

  private static String yearLabel(int startYear) {
    return startYear + "-" + (startYear + 1);
  }

  /** Who sealed which year of which school, when and why: the archive's first part. */
  private static Map<String, Object> header(
      AuthenticatedUser user,
      long schoolId,
      School school,
      int startYear,
      Instant now,
      String why) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("school", Map.of("id", schoolId, "code", school.code(), "name", school.name()));
    header.put("schoolYear", yearLabel(startYear));
    header.put("sealedAt", now.toString());
    header.put("sealedBy", Map.of("id", user.accountId(), "name", user.displayName()));
    header.put("reason", why);
    return header;
  }

  /** The row, with the archive streamed from its file, never whole in memory. */
  private void insert(
      AuthenticatedUser user,
      long schoolId,
      int startYear,
      Instant now,
      String why,
      YearArchive.Built built) {
    try (java.io.InputStream archive = java.nio.file.Files.newInputStream(built.file())) {
      jdbc.sql(
              """
              INSERT INTO year_seal (school_id, start_year, sealed_at, sealed_by, sealed_by_name,
                reason, archive_sha256, manifest_sha256, size_bytes, archive)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              schoolId,
              startYear,
              Timestamp.from(now),
              user.accountId(),
              user.displayName(),
              why,
              built.sha256(),
              built.manifestSha256(),
              built.size(),
              new org.springframework.jdbc.core.support.SqlBinaryValue(archive, built.size()))
          .update();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The hashes and the rows per part, for the audit chain. */
  private static Map<String, Object> audited(int startYear, YearArchive.Built built) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("year", startYear);
    after.put("archiveSha256", built.sha256());
    after.put("manifestSha256", built.manifestSha256());
    after.put("sizeBytes", built.size());
    Map<String, Long> counts = new LinkedHashMap<>();
    built.parts().forEach(p -> counts.put(p.name(), p.rows()));
    after.put("rows", counts);
    return after;
  }

  /**
   * The sealed archive, for those who lock, manage locks or check the book; its hash is checked
   * against the seal's before it leaves.
   */
  @Override
  @Transactional(readOnly = true)
  public void writeArchive(
      long schoolId, int startYear, java.util.function.LongConsumer beforeWriting, OutputStream out)
      throws IOException {
    if (!maySeal(schoolId)
        && !authorization.permits(Action.MANAGE_LOCKS, Target.school(schoolId))
        && !authorization.permits(Action.MONITOR_GRADEBOOK, Target.school(schoolId))) {
      throw new AccessDeniedException("control.archive");
    }
    Map<String, Object> row =
        jdbc
            .sql(
                "SELECT octet_length(archive) AS size, archive_sha256 FROM year_seal"
                    + " WHERE school_id = ? AND start_year = ?")
            .params(schoolId, startYear)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("seal"));
    long size = ((Number) row.get("size")).longValue();
    java.security.MessageDigest digest = YearArchive.sha256();
    slices(schoolId, startYear, size, digest::update);
    if (!HexFormat.of().formatHex(digest.digest()).equals(row.get("archive_sha256"))) {
      throw new IllegalStateException("year archive does not match its seal");
    }
    beforeWriting.accept(size);
    // the seal's row never changes (a trigger refuses it): the second read gives the same bytes
    slices(schoolId, startYear, size, slice -> write(out, slice));
  }

  private void slices(
      long schoolId, int startYear, long size, java.util.function.Consumer<byte[]> each) {
    // a bytea is at most 1 GB: an int offset reaches all of it
    for (int from = 0; from < size; from += slice) {
      each.accept(
          jdbc.sql(
                  "SELECT substring(archive FROM ? FOR ?) FROM year_seal"
                      + " WHERE school_id = ? AND start_year = ?")
              .params(from + 1, slice, schoolId, startYear)
              .query(byte[].class)
              .single());
    }
  }

  private static void write(OutputStream out, byte[] slice) {
    try {
      out.write(slice);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
