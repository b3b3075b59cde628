package vn.truongso.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.truongso.attendance.AbsenceWarning;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;

/**
 * Tells a child's family when the absences reach one of the school's thresholds (the homeroom
 * teacher sees the same on the month's sheet): once per threshold and period, in the family's inbox
 * and on its channels. Heard after the roll's commit, in a transaction of its own; the event
 * registry delivers it again after a crash.
 */
@Component
class AbsenceAlerts {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final JdbcClient jdbc;
  private final MessageStore store;
  private final Fanout fanout;
  private final People people;
  private final Classes classes;
  private final MessageSource messages;
  private final Clock clock;

  AbsenceAlerts(
      JdbcClient jdbc,
      MessageStore store,
      Fanout fanout,
      People people,
      Classes classes,
      MessageSource messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.fanout = fanout;
    this.people = people;
    this.classes = classes;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  @TransactionalEventListener
  public void on(AbsenceWarning w) {
    Instant now = clock.instant();
    boolean first =
        jdbc.sql(
                    """
                INSERT INTO absence_alert (school_id, student_id, kind, period, threshold, sessions,
                                           created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
                .params(
                    w.schoolId(),
                    w.studentId(),
                    w.kind().name(),
                    w.period(),
                    w.threshold(),
                    w.sessions(),
                    Timestamp.from(now))
                .update()
            == 1;
    if (!first) {
      return;
    }
    String name =
        people.student(w.schoolId(), w.studentId()).map(s -> s.name().full()).orElse(null);
    if (name == null) {
      return;
    }
    String className =
        classes.schoolClass(w.schoolId(), w.classId()).map(Classes.SchoolClass::name).orElse("");
    long id = store.insert(message(w, name, className, now));
    fanout.toFamilies(w.schoolId(), id, Set.of(w.studentId()), false);
    jdbc.sql(
            "UPDATE absence_alert SET message_id = ? WHERE school_id = ? AND student_id = ?"
                + " AND kind = ? AND period = ? AND threshold = ?")
        .params(id, w.schoolId(), w.studentId(), w.kind().name(), w.period(), w.threshold())
        .update();
  }

  private MessageStore.NewMessage message(
      AbsenceWarning w, String name, String className, Instant now) {
    String kind = w.kind() == AbsenceWarning.Kind.MONTH ? "month" : "year";
    String period =
        w.kind() == AbsenceWarning.Kind.MONTH
            ? w.period().substring(5) + "/" + w.period().substring(0, 4)
            : w.period() + "–" + (Integer.parseInt(w.period()) + 1);
    Object[] args = {name, w.sessions(), period, className};
    return new MessageStore.NewMessage(
        w.schoolId(),
        MessageRules.Kind.ABSENCE,
        "STUDENT:" + w.studentId(),
        name,
        null,
        messages.getMessage("messaging.absence.sender", new Object[] {className}, VI),
        messages.getMessage("messaging.absence." + kind + ".title", args, VI),
        messages.getMessage("messaging.absence." + kind + ".body", args, VI),
        null,
        null,
        now,
        now);
  }
}
