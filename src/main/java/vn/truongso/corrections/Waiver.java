package vn.truongso.corrections;

import java.time.Instant;
import java.time.LocalDate;

/** A principal's documented exception to the filing bar. */
public record Waiver(
    long id,
    int startYear,
    Long classId,
    String reason,
    LocalDate validUntil,
    String grantedByName,
    Instant grantedAt) {}
