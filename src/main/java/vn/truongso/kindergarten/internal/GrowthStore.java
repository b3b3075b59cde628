package vn.truongso.kindergarten.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.kindergarten.internal.growth.ZScores;

/** The children's measurements. */
@Component
class GrowthStore {

  private final JdbcClient jdbc;

  GrowthStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored measurement. */
  record Stored(
      long id,
      long studentId,
      LocalDate on,
      @Nullable Double weightKg,
      @Nullable Double lengthCm,
      ZScores.@Nullable Position position,
      boolean oedema,
      boolean confirmed) {}

  /** Writes the day's measurement (a second one the same day replaces it); its id. */
  long save(long schoolId, Stored m, long by, Instant at) {
    return jdbc.sql(
            """
            INSERT INTO growth_measurement (school_id, student_id, measured_on, weight_kg,
                                            length_cm, position, oedema, confirmed, recorded_by,
                                            recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, student_id, measured_on) DO UPDATE SET
              weight_kg = EXCLUDED.weight_kg, length_cm = EXCLUDED.length_cm,
              position = EXCLUDED.position, oedema = EXCLUDED.oedema,
              confirmed = EXCLUDED.confirmed, recorded_by = EXCLUDED.recorded_by,
              recorded_at = EXCLUDED.recorded_at
            RETURNING id
            """)
        .params(
            schoolId,
            m.studentId(),
            m.on(),
            decimal(m.weightKg()),
            decimal(m.lengthCm()),
            m.position() == null ? null : m.position().name(),
            m.oedema(),
            m.confirmed(),
            by,
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** A child's measurements, oldest first. */
  List<Stored> of(long schoolId, long studentId) {
    return jdbc.sql(SELECT + " WHERE school_id = ? AND student_id = ? ORDER BY measured_on")
        .params(schoolId, studentId)
        .query(GrowthStore::row)
        .list();
  }

  /** The last measurement of each of these children. */
  List<Stored> latest(long schoolId, Collection<Long> studentIds) {
    return jdbc.sql(
            "SELECT DISTINCT ON (student_id) "
                + COLUMNS
                + " FROM growth_measurement WHERE school_id = ? AND student_id = ANY (?)"
                + " ORDER BY student_id, measured_on DESC")
        .params(schoolId, studentIds.toArray(Long[]::new))
        .query(GrowthStore::row)
        .list();
  }

  private static final String COLUMNS =
      "id, student_id, measured_on, weight_kg, length_cm, position, oedema, confirmed";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM growth_measurement";

  private static Stored row(ResultSet rs, int n) throws SQLException {
    BigDecimal w = rs.getBigDecimal(4);
    BigDecimal l = rs.getBigDecimal(5);
    String p = rs.getString(6);
    return new Stored(
        rs.getLong(1),
        rs.getLong(2),
        rs.getObject(3, LocalDate.class),
        w == null ? null : w.doubleValue(),
        l == null ? null : l.doubleValue(),
        p == null ? null : ZScores.Position.valueOf(p),
        rs.getBoolean(7),
        rs.getBoolean(8));
  }

  private static @Nullable BigDecimal decimal(@Nullable Double v) {
    return v == null ? null : BigDecimal.valueOf(v);
  }
}
