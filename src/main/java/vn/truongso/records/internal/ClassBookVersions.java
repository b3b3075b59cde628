package vn.truongso.records.internal;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.platform.Sha256;

/**
 * The signed class books: a version's frozen PDF and the increments its signatures appended, in
 * order. SQL only; the tables refuse every change but an insert.
 */
@Repository
class ClassBookVersions {

  enum Role {
    SUBJECT,
    HOMEROOM,
    SEAL
  }

  record Version(long schoolId, long classId, int version, String contentSha256) {}

  record Signature(
      int seq, Role role, List<String> subjects, String signedByName, Instant signedAt) {}

  private final JdbcClient jdbc;

  ClassBookVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The class's latest version, locked until the transaction ends (signers queue on it). */
  Optional<Version> latestForUpdate(long schoolId, long classId) {
    return jdbc.sql(
            "SELECT version, content_sha256 FROM classbook_version WHERE school_id = ? AND"
                + " class_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE")
        .params(schoolId, classId)
        .query((rs, n) -> new Version(schoolId, classId, rs.getInt(1), rs.getString(2)))
        .optional();
  }

  Optional<Version> latest(long schoolId, long classId) {
    return jdbc.sql(
            "SELECT version, content_sha256 FROM classbook_version WHERE school_id = ? AND"
                + " class_id = ? ORDER BY version DESC LIMIT 1")
        .params(schoolId, classId)
        .query((rs, n) -> new Version(schoolId, classId, rs.getInt(1), rs.getString(2)))
        .optional();
  }

  Version insert(
      long schoolId,
      long classId,
      int version,
      int startYear,
      String sha256,
      byte[] pdf,
      long by,
      Instant at) {
    jdbc.sql(
            "INSERT INTO classbook_version (school_id, class_id, version, start_year,"
                + " content_sha256, pdf, made_at, made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(schoolId, classId, version, startYear, sha256, pdf, Timestamp.from(at), by)
        .update();
    return new Version(schoolId, classId, version, sha256);
  }

  List<Signature> signatures(Version v) {
    return jdbc.sql(
            "SELECT seq, role, subjects, signed_by_name, signed_at FROM classbook_signature"
                + " WHERE school_id = ? AND class_id = ? AND version = ? ORDER BY seq")
        .params(v.schoolId(), v.classId(), v.version())
        .query(
            (rs, n) ->
                new Signature(
                    rs.getInt(1),
                    Role.valueOf(rs.getString(2)),
                    List.of((String[]) rs.getArray(3).getArray()),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The document as signed so far: the frozen PDF and every increment, in order. */
  byte[] document(Version v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        jdbc.sql(
                "SELECT pdf FROM classbook_version WHERE school_id = ? AND class_id = ?"
                    + " AND version = ?")
            .params(v.schoolId(), v.classId(), v.version())
            .query(byte[].class)
            .single());
    jdbc.sql(
            "SELECT increment FROM classbook_signature WHERE school_id = ? AND class_id = ?"
                + " AND version = ? ORDER BY seq")
        .params(v.schoolId(), v.classId(), v.version())
        .query(byte[].class)
        .list()
        .forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** Stores what a signature appended to {@code before}; refuses a document that is no update. */
  void append(
      Version v,
      int seq,
      byte[] before,
      byte[] signed,
      Role role,
      List<String> subjects,
      long by,
      String byName,
      long certificateId,
      Instant at) {
    if (signed.length <= before.length
        || !java.util.Arrays.equals(signed, 0, before.length, before, 0, before.length)) {
      throw new IllegalStateException("a signature must be an incremental update");
    }
    byte[] increment = java.util.Arrays.copyOfRange(signed, before.length, signed.length);
    jdbc.sql(
            "INSERT INTO classbook_signature (school_id, class_id, version, seq, role, subjects,"
                + " signed_by, signed_by_name, certificate_id, signed_at, increment, sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            v.schoolId(),
            v.classId(),
            v.version(),
            seq,
            role.name(),
            subjects.toArray(String[]::new),
            by,
            byName,
            certificateId,
            Timestamp.from(at),
            increment,
            Sha256.hex(signed))
        .update();
  }
}
