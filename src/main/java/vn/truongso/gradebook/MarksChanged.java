package vn.truongso.gradebook;

import java.time.Instant;

/**
 * The marks of one class, subject and term changed in a committed transaction: typed on the sheet,
 * read from a file or corrected. Published once per transaction for each such column group and kept
 * in the event publication registry with that transaction, so a listener in another module (the
 * anomaly flags, later messages to families and statistics) hears of it even when the application
 * stops between the commit and the delivery.
 */
public record MarksChanged(
    long schoolId, int startYear, long classId, String subject, int term, Instant at) {}
