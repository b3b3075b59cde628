package vn.truongso.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;

/**
 * What the public page of a printed học bạ's QR code may say about the record of that fingerprint
 * (docs/domain/hocba-so.md): the school, the year, the latest signed version with these values,
 * whether it was signed and sealed and when, and whether a later version replaced it — nothing of
 * the student or of who signed.
 */
@Service
public class HocBaVerifications {

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  private final JdbcClient jdbc;
  private final Organisation org;

  HocBaVerifications(JdbcClient jdbc, Organisation org) {
    this.jdbc = jdbc;
    this.org = org;
  }

  /**
   * The record a fingerprint names. {@code newest} is the student's latest version of the year: a
   * number above {@code version} means the results changed after this one was printed.
   */
  public record Found(
      String school,
      int startYear,
      int version,
      Instant signedAt,
      @Nullable Instant sealedAt,
      int newest) {

    public boolean superseded() {
      return newest > version;
    }
  }

  /** A fingerprint as {@link HocBaXml#fingerprint} writes it: 64 lower-case hex digits. */
  public static boolean wellFormed(String fingerprint) {
    return FINGERPRINT.matcher(fingerprint).matches();
  }

  /** Empty when no signed version has these values (a draft, or a forged code). */
  @Transactional(readOnly = true)
  public Optional<Found> find(String fingerprint) {
    if (!wellFormed(fingerprint)) {
      return Optional.empty();
    }
    // the same values can be signed again (results changed, then changed back): the latest such
    // version is the one the page speaks of
    return jdbc.sql(
            "WITH hit AS (SELECT school_id, student_id, start_year, max(version) AS version"
                + " FROM hocba_version WHERE content_sha256 = :sha"
                + " GROUP BY school_id, student_id, start_year"
                + " ORDER BY max(signed_at) DESC LIMIT 1)"
                + " SELECT h.school_id, h.start_year, h.version, v.signed_at, s.sealed_at,"
                + " (SELECT max(n.version) FROM hocba_version n WHERE n.school_id = h.school_id"
                + " AND n.student_id = h.student_id AND n.start_year = h.start_year) AS newest"
                + " FROM hit h JOIN hocba_version v ON v.school_id = h.school_id"
                + " AND v.student_id = h.student_id AND v.start_year = h.start_year"
                + " AND v.version = h.version"
                + " LEFT JOIN hocba_seal s ON s.school_id = v.school_id"
                + " AND s.student_id = v.student_id AND s.start_year = v.start_year"
                + " AND s.version = v.version")
        .param("sha", fingerprint)
        .query(
            (rs, n) ->
                new Found(
                    schoolName(rs.getLong("school_id")),
                    rs.getInt("start_year"),
                    rs.getInt("version"),
                    rs.getTimestamp("signed_at").toInstant(),
                    instant(rs, "sealed_at"),
                    rs.getInt("newest")))
        .optional();
  }

  private String schoolName(long schoolId) {
    return org.school(schoolId).map(School::name).orElse("");
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
