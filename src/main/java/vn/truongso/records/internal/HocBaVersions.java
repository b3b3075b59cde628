package vn.truongso.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signed học bạ, kept for good: each version as the homeroom teacher signed it and, once
 * sealed, as the school sealed it. Rows are only ever added (the tables refuse change).
 */
@Repository
public class HocBaVersions {

  private final JdbcClient jdbc;

  HocBaVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A student's latest version; {@code sealedAt} null while the seal is awaited. */
  public record Latest(
      long studentId,
      int version,
      String contentSha256,
      Instant signedAt,
      String signedBy,
      @Nullable Instant sealedAt,
      @Nullable String sealedBy) {}

  /** A version's two documents. */
  public record Documents(int version, byte[] xml, byte[] pdf) {}

  /** What the homeroom teacher signed. */
  record Signed(
      long schoolId,
      long classId,
      long studentId,
      int startYear,
      int version,
      String contentSha256,
      byte[] xml,
      byte[] pdf,
      long signedBy,
      String signedByName,
      long certificateId,
      Instant at) {}

  /** What the seal added to a version. */
  record Sealed(
      long schoolId,
      long studentId,
      int startYear,
      int version,
      byte[] xml,
      byte[] pdf,
      long sealedBy,
      String sealedByName,
      String sealedAs,
      long certificateId,
      Instant at) {}

  /** Each student's latest version in the year, by student id. */
  public Map<Long, Latest> latest(long schoolId, int startYear, Collection<Long> students) {
    Map<Long, Latest> out = new HashMap<>();
    if (students.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "SELECT DISTINCT ON (v.student_id) v.student_id, v.version, v.content_sha256,"
                + " v.signed_at, v.signed_by_name, s.sealed_at, s.sealed_by_name"
                + " FROM hocba_version v LEFT JOIN hocba_seal s ON s.school_id = v.school_id"
                + " AND s.student_id = v.student_id AND s.start_year = v.start_year"
                + " AND s.version = v.version"
                + " WHERE v.school_id = :school AND v.start_year = :year"
                + " AND v.student_id IN (:students) ORDER BY v.student_id, v.version DESC")
        .param("school", schoolId)
        .param("year", startYear)
        .param("students", students)
        .query(
            (rs, n) ->
                new Latest(
                    rs.getLong("student_id"),
                    rs.getInt("version"),
                    rs.getString("content_sha256"),
                    rs.getTimestamp("signed_at").toInstant(),
                    rs.getString("signed_by_name"),
                    instant(rs, "sealed_at"),
                    rs.getString("sealed_by_name")))
        .list()
        .forEach(l -> out.put(l.studentId(), l));
    return out;
  }

  /** The documents of a version as the homeroom teacher signed them. */
  public Optional<Documents> signed(long schoolId, long studentId, int startYear, int version) {
    return jdbc.sql(
            "SELECT version, xml, pdf FROM hocba_version WHERE school_id = :school"
                + " AND student_id = :student AND start_year = :year AND version = :version")
        .param("school", schoolId)
        .param("student", studentId)
        .param("year", startYear)
        .param("version", version)
        .query((rs, n) -> new Documents(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
        .optional();
  }

  /** The latest sealed version of a student's year: what is published and exported. */
  public Optional<Documents> published(long schoolId, long studentId, int startYear) {
    return jdbc.sql(
            "SELECT version, xml, pdf FROM hocba_seal WHERE school_id = :school"
                + " AND student_id = :student AND start_year = :year"
                + " ORDER BY version DESC LIMIT 1")
        .param("school", schoolId)
        .param("student", studentId)
        .param("year", startYear)
        .query((rs, n) -> new Documents(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
        .optional();
  }

  /** The class's published documents by student id. */
  public Map<Long, Documents> publishedOfClass(long schoolId, long classId, int startYear) {
    Map<Long, Documents> out = new HashMap<>();
    jdbc.sql(
            "SELECT DISTINCT ON (s.student_id) s.student_id, s.version, s.xml, s.pdf"
                + " FROM hocba_seal s JOIN hocba_version v ON v.school_id = s.school_id"
                + " AND v.student_id = s.student_id AND v.start_year = s.start_year"
                + " AND v.version = s.version"
                + " WHERE s.school_id = :school AND v.class_id = :class AND s.start_year = :year"
                + " ORDER BY s.student_id, s.version DESC")
        .param("school", schoolId)
        .param("class", classId)
        .param("year", startYear)
        .query(
            (rs, n) ->
                Map.entry(
                    rs.getLong(1), new Documents(rs.getInt(2), rs.getBytes(3), rs.getBytes(4))))
        .list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Adds a version; false when someone else's batch added the same version first. */
  boolean add(Signed s) {
    return jdbc.sql(
                "INSERT INTO hocba_version (school_id, student_id, start_year, version, class_id,"
                    + " content_sha256, xml, pdf, signed_by, signed_by_name,"
                    + " signed_certificate_id, signed_at) VALUES (:school, :student, :year,"
                    + " :version, :class, :sha, :xml, :pdf, :by, :name, :cert, :at)"
                    + " ON CONFLICT DO NOTHING")
            .param("school", s.schoolId())
            .param("student", s.studentId())
            .param("year", s.startYear())
            .param("version", s.version())
            .param("class", s.classId())
            .param("sha", s.contentSha256())
            .param("xml", s.xml())
            .param("pdf", s.pdf())
            .param("by", s.signedBy())
            .param("name", s.signedByName())
            .param("cert", s.certificateId())
            .param("at", Timestamp.from(s.at()))
            .update()
        == 1;
  }

  /** Adds a version's seal; false when it was sealed already. */
  boolean seal(Sealed s) {
    return jdbc.sql(
                "INSERT INTO hocba_seal (school_id, student_id, start_year, version, xml, pdf,"
                    + " sealed_by, sealed_by_name, sealed_as, sealed_certificate_id, sealed_at)"
                    + " VALUES (:school, :student, :year, :version, :xml, :pdf, :by, :name, :as,"
                    + " :cert, :at) ON CONFLICT DO NOTHING")
            .param("school", s.schoolId())
            .param("student", s.studentId())
            .param("year", s.startYear())
            .param("version", s.version())
            .param("xml", s.xml())
            .param("pdf", s.pdf())
            .param("by", s.sealedBy())
            .param("name", s.sealedByName())
            .param("as", s.sealedAs())
            .param("cert", s.certificateId())
            .param("at", Timestamp.from(s.at()))
            .update()
        == 1;
  }

  /** Every version of a student's year, oldest first: the history the page lists. */
  public List<Integer> versions(long schoolId, long studentId, int startYear) {
    return jdbc.sql(
            "SELECT version FROM hocba_version WHERE school_id = :school AND student_id = :student"
                + " AND start_year = :year ORDER BY version")
        .param("school", schoolId)
        .param("student", studentId)
        .param("year", startYear)
        .query(Integer.class)
        .list();
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
