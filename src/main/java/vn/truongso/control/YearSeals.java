package vn.truongso.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import vn.truongso.control.internal.YearArchive;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.YearRecords;

/**
 * The year-end seal: when the principal closes a school year it becomes read-only for good (every
 * save, correction, lock and calendar change of that year is refused), its data is archived as JSON
 * with a manifest of hashes, and the archive's SHA-256 is written into the school's audit chain.
 */
@Service
public class YearSeals {

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final List<YearRecords> records;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Organisation org;
  private final Clock clock;
  private final ControlRows rows;

  YearSeals(
      JdbcClient jdbc,
      DataSource dataSource,
      List<YearRecords> records,
      Authorization authorization,
      AuditLog audit,
      Organisation org,
      Clock clock,
      ControlRows rows) {
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

  /** A sealed year, without its archive's bytes. */
  public record Seal(
      long schoolId,
      int startYear,
      Instant sealedAt,
      String sealedByName,
      String reason,
      String archiveSha256,
      String manifestSha256,
      long sizeBytes) {}

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

  /** Refuses any change to a sealed year, naming who sealed it and when. */
  public void requireUnsealed(long schoolId, int startYear) {
    Optional<Seal> seal = of(schoolId, startYear);
    if (seal.isPresent()) {
      throw refusal(seal.get());
    }
  }

  public static UserInputException refusal(Seal s) {
    return new UserInputException(
        "value",
        "control.sealed",
        s.startYear() + "–" + (s.startYear() + 1),
        s.sealedByName(),
        MOMENT.format(s.sealedAt().atZone(VIETNAM)));
  }

  public boolean maySeal(long schoolId) {
    return authorization.permits(Action.LOCK_GRADEBOOK, Target.school(schoolId));
  }

  /**
   * Seals the year. {@code confirmation} must repeat the year as {@code 2025-2026}: sealing cannot
   * be undone. Saves in flight finish first (the year's control row is taken exclusively), and none
   * starts until the seal is committed.
   */
  @Transactional
  public Seal seal(
      AuthenticatedUser user, long schoolId, int startYear, String reason, String confirmation) {
    if (!maySeal(schoolId)) {
      throw new AccessDeniedException("control.seal");
    }
    School school = org.school(schoolId).orElseThrow(() -> new AccessDeniedException("school"));
    if (org.years(schoolId).stream().noneMatch(y -> y.startYear() == startYear)) {
      throw new UserInputException("year", "control.year");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new UserInputException("reason", "control.seal.reason.required");
    }
    String expected = startYear + "-" + (startYear + 1);
    if (confirmation == null || !confirmation.strip().equals(expected)) {
      throw new UserInputException("confirmation", "control.seal.confirm", expected);
    }
    rows.exclusive(schoolId, startYear);
    requireUnsealed(schoolId, startYear);

    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Map<String, String> queries = new LinkedHashMap<>();
    records.forEach(r -> queries.putAll(r.queries()));
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("school", Map.of("id", schoolId, "code", school.code(), "name", school.name()));
    header.put("schoolYear", expected);
    header.put("sealedAt", now.toString());
    header.put("sealedBy", Map.of("id", user.accountId(), "name", user.displayName()));
    header.put("reason", why);
    YearArchive.Built built =
        YearArchive.build(streaming, queries, schoolId, startYear, now, header);
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
            built.bytes().length,
            built.bytes())
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("year", startYear);
    after.put("archiveSha256", built.sha256());
    after.put("manifestSha256", built.manifestSha256());
    after.put("sizeBytes", built.bytes().length);
    Map<String, Long> counts = new LinkedHashMap<>();
    built.parts().forEach(p -> counts.put(p.name(), p.rows()));
    after.put("rows", counts);
    audit.record(
        AuditEvent.of(schoolId, "control.year.sealed", "year_seal", schoolId + "/" + startYear)
            .after(after)
            .because(why));
    return of(schoolId, startYear).orElseThrow();
  }

  /**
   * The sealed archive, for those who lock, manage locks or check the book; its hash is checked
   * against the seal's before it leaves.
   */
  @Transactional(readOnly = true)
  public byte[] archive(long schoolId, int startYear) {
    if (!maySeal(schoolId)
        && !authorization.permits(Action.MANAGE_LOCKS, Target.school(schoolId))
        && !authorization.permits(Action.MONITOR_GRADEBOOK, Target.school(schoolId))) {
      throw new AccessDeniedException("control.archive");
    }
    Map<String, Object> row =
        jdbc
            .sql(
                "SELECT archive, archive_sha256 FROM year_seal WHERE school_id = ?"
                    + " AND start_year = ?")
            .params(schoolId, startYear)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new vn.truongso.platform.NotFoundException("seal"));
    byte[] bytes = (byte[]) row.get("archive");
    String hash = java.util.HexFormat.of().formatHex(YearArchive.sha256().digest(bytes));
    if (!hash.equals(row.get("archive_sha256"))) {
      throw new IllegalStateException("year archive does not match its seal");
    }
    return bytes;
  }
}
