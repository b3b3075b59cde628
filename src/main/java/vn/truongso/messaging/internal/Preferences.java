package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.UserInputException;

/**
 * A family's choice of channels besides the inbox (which is always on): e-mail and push unless they
 * turn them off, SMS and Zalo when they turn them on; and its own e-mail address.
 */
@Component
public class Preferences {

  private final JdbcClient jdbc;
  private final Clock clock;

  Preferences(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Choice(
      @Nullable String email, boolean emailOn, boolean pushOn, boolean smsOn, boolean zaloOn) {
    static final Choice DEFAULT = new Choice(null, true, true, false, false);
  }

  public Choice of(long accountId) {
    return of(java.util.List.of(accountId)).getOrDefault(accountId, Choice.DEFAULT);
  }

  /** The choices of these accounts; an account that never chose has the defaults. */
  Map<Long, Choice> of(Collection<Long> accountIds) {
    Map<Long, Choice> out = new HashMap<>();
    if (accountIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "SELECT account_id, email, email_on, push_on, sms_on, zalo_on FROM messaging_preference"
                + " WHERE account_id = ANY (?)")
        .param(accountIds.toArray(Long[]::new))
        .query(
            rs -> {
              out.put(
                  rs.getLong(1),
                  new Choice(
                      rs.getString(2),
                      rs.getBoolean(3),
                      rs.getBoolean(4),
                      rs.getBoolean(5),
                      rs.getBoolean(6)));
            });
    return out;
  }

  @Transactional
  public void save(long accountId, Choice choice) {
    String email = choice.email() == null ? null : choice.email().strip();
    if (email != null && email.isEmpty()) {
      email = null;
    }
    if (email != null
        && (email.length() > 254 || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))) {
      throw new UserInputException("email", "messaging.error.email");
    }
    jdbc.sql(
            """
            INSERT INTO messaging_preference (account_id, email, email_on, push_on, sms_on, zalo_on,
                                              updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email,
              email_on = EXCLUDED.email_on, push_on = EXCLUDED.push_on, sms_on = EXCLUDED.sms_on,
              zalo_on = EXCLUDED.zalo_on, updated_at = EXCLUDED.updated_at
            """)
        .params(
            accountId,
            email,
            choice.emailOn(),
            choice.pushOn(),
            choice.smsOn(),
            choice.zaloOn(),
            Timestamp.from(clock.instant()))
        .update();
  }
}
