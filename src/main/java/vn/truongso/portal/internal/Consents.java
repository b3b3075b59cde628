package vn.truongso.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;

/**
 * The family's consent to the school's processing of the child's data: the text shown (in
 * Vietnamese, the version that binds), its version and the moment it was given.
 */
@Service
public class Consents {

  /** The consent text's version: a new text is a new version, asked again. */
  public static final String VERSION = "2026-12";

  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final AuditLog audit;
  private final Clock clock;

  Consents(JdbcClient jdbc, MessageSource messages, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
  }

  public record Consent(String version, String text, Instant acceptedAt) {}

  @Transactional(readOnly = true)
  public Optional<Consent> of(long accountId, long schoolId) {
    return jdbc.sql(
            "SELECT version, text, accepted_at FROM portal_consent WHERE account_id = ?"
                + " AND school_id = ? AND version = ?")
        .params(accountId, schoolId, VERSION)
        .query(
            (rs, n) ->
                new Consent(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .optional();
  }

  /** Records the consent of a family account of the school; a second time changes nothing. */
  @Transactional
  public void give(AuthenticatedUser user, long schoolId, Family family) {
    boolean ofSchool = family.children().stream().anyMatch(c -> c.school().id() == schoolId);
    if (!ofSchool) {
      throw new vn.truongso.platform.NotFoundException("portal.school");
    }
    String text = messages.getMessage("portal.consent.text", null, Locale.forLanguageTag("vi"));
    int added =
        jdbc.sql(
                "INSERT INTO portal_consent (account_id, school_id, version, text, accepted_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(user.accountId(), schoolId, VERSION, text, Timestamp.from(clock.instant()))
            .update();
    if (added == 1) {
      audit.record(
          AuditEvent.of(schoolId, "portal.consent.give", "portal_consent", user.accountId())
              .after(Map.of("version", VERSION)));
    }
  }
}
