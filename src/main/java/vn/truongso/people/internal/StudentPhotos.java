package vn.truongso.people.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;

/**
 * Owns the {@code student_photo} table: one normalised JPEG per student (see {@link Photos}), its
 * hash logged instead of its bytes. {@link StudentMoves} copies it when the student moves school.
 */
@Component
class StudentPhotos {

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final StudentStore students;

  StudentPhotos(JdbcClient jdbc, AuditLog audit, Clock clock, StudentStore students) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.students = students;
  }

  void set(long schoolId, long studentId, byte[] upload) {
    if (students.student(schoolId, studentId).isEmpty()) {
      throw new NotFoundException("student");
    }
    byte[] jpeg = vn.truongso.platform.Photos.normalise(upload);
    String sha = sha256(jpeg);
    jdbc.sql(
            """
            INSERT INTO student_photo (school_id, student_id, content_type, bytes, sha256, uploaded_at)
            VALUES (?, ?, 'image/jpeg', ?, ?, ?)
            ON CONFLICT (school_id, student_id) DO UPDATE SET bytes = excluded.bytes,
              sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at
            """)
        .params(schoolId, studentId, jpeg, sha, clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.student.photo", "student", studentId)
            .after(Map.of("sha256", sha, "bytes", jpeg.length)));
  }

  Optional<byte[]> get(long schoolId, long studentId) {
    return jdbc.sql("SELECT bytes FROM student_photo WHERE school_id = ? AND student_id = ?")
        .params(schoolId, studentId)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
