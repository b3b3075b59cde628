package vn.truongso.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.messaging.internal.MessageRules.Kind;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.ScannedFiles;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * The school's notices to families: written, checked (who may address whom, the size of the text
 * and of the attachment, judged by its content, the sender's hourly limit), stored with their inbox
 * rows and outbox in one transaction, and logged; then how each has gone out.
 */
@Service
public class Notices {

  /** Largest attachment: a scanned page or a PDF circular. */
  static final int MAX_ATTACHMENT = 5 * 1024 * 1024;

  static final int LISTED = 50;

  private final Audiences audiences;
  private final MessageStore store;
  private final DeliveryStore deliveries;
  private final Fanout fanout;
  private final Authorization authorization;
  private final AuditLog audit;
  private final MessagingProperties properties;
  private final Clock clock;

  Notices(
      Audiences audiences,
      MessageStore store,
      DeliveryStore deliveries,
      Fanout fanout,
      Authorization authorization,
      AuditLog audit,
      MessagingProperties properties,
      Clock clock) {
    this.audiences = audiences;
    this.store = store;
    this.deliveries = deliveries;
    this.fanout = fanout;
    this.authorization = authorization;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** A notice as the form sends it. */
  public record Draft(
      Kind kind,
      Audiences.Choice audience,
      String title,
      String body,
      @Nullable String attachmentName,
      byte @Nullable [] attachment) {}

  /** Sends a notice; returns its id. */
  @Transactional
  public long send(AuthenticatedUser user, long schoolId, Draft draft) {
    if (draft.kind() != Kind.NOTICE && draft.kind() != Kind.URGENT && draft.kind() != Kind.HEALTH) {
      throw new UserInputException("kind", "messaging.error.kind");
    }
    MessageRules.Text text = MessageRules.text(draft.title(), draft.body());
    Audiences.Resolved to = audiences.resolve(schoolId, draft.kind(), draft.audience());
    MessageStore.Upload upload = upload(draft);
    Instant now = clock.instant();
    requireWithinLimit(user, now);
    long id =
        store.insert(
            new MessageStore.NewMessage(
                schoolId,
                draft.kind(),
                to.code(),
                to.label(),
                user.accountId(),
                user.displayName(),
                text.title(),
                text.body(),
                upload,
                null,
                now,
                now));
    int families = fanout.toFamilies(schoolId, id, to.students(), draft.kind().urgent());
    audit.record(
        AuditEvent.of(schoolId, "messaging.notice.send", "message", id)
            .after(
                Map.of(
                    "kind", draft.kind().name(),
                    "audience", to.code(),
                    "title", text.title(),
                    "families", families)));
    return id;
  }

  /** Refuses a sender over the hourly limit (notices and conversation posts counted together). */
  void requireWithinLimit(AuthenticatedUser user, Instant now) {
    if (store.writtenSince(user.accountId(), now.minus(Duration.ofHours(1)))
        >= properties.perHour()) {
      throw new UserInputException(null, "messaging.error.rate", properties.perHour());
    }
  }

  private static MessageStore.@Nullable Upload upload(Draft draft) {
    byte[] file = draft.attachment();
    if (file == null || file.length == 0) {
      return null;
    }
    if (file.length > MAX_ATTACHMENT) {
      throw new UserInputException(
          "attachment", "messaging.error.attachmentSize", MAX_ATTACHMENT / (1024 * 1024));
    }
    String type =
        ScannedFiles.mediaType(file)
            .orElseThrow(
                () -> new UserInputException("attachment", "messaging.error.attachmentType"));
    String name = draft.attachmentName() == null ? "" : draft.attachmentName().strip();
    name = name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
    if (name.isEmpty() || name.length() > 120) {
      name =
          "tep-dinh-kem"
              + (type.equals("application/pdf")
                  ? ".pdf"
                  : type.equals("image/png") ? ".png" : ".jpg");
    }
    return new MessageStore.Upload(name, type, file);
  }

  /** What the compose page offers this user in the school. */
  public record Compose(
      boolean school,
      boolean health,
      boolean summaries,
      List<Classes.SchoolClass> classes,
      List<Integer> grades) {}

  @Transactional(readOnly = true)
  public Compose compose(long schoolId) {
    boolean school = authorization.permits(Action.SEND_NOTICES, Target.school(schoolId));
    boolean health = authorization.permits(Action.SEND_HEALTH_NOTICES, Target.school(schoolId));
    List<Classes.SchoolClass> classes = audiences.classesFor(schoolId);
    if (!school && !health && classes.isEmpty()) {
      throw new AccessDeniedException("messaging.compose");
    }
    List<Integer> grades =
        classes.stream().map(Classes.SchoolClass::grade).distinct().sorted().toList();
    boolean summaries = authorization.permits(Action.RELEASE_SUMMARIES, Target.school(schoolId));
    return new Compose(school, health, summaries, classes, grades);
  }

  /** The school's notices (a leader's or nurse's view) or the sender's own. */
  @Transactional(readOnly = true)
  public List<MessageStore.Listed> sent(AuthenticatedUser user, long schoolId) {
    boolean all =
        authorization.permits(Action.SEND_NOTICES, Target.school(schoolId))
            || authorization.permits(Action.SEND_HEALTH_NOTICES, Target.school(schoolId));
    return store.sent(schoolId, all ? null : user.accountId(), LISTED);
  }

  /** A notice with how it went out: counts by channel and status, the deliveries not yet sent. */
  public record Status(
      MessageStore.Full message,
      int read,
      List<DeliveryStore.Count> counts,
      List<DeliveryStore.Pending> pending) {}

  @Transactional(readOnly = true)
  public Status status(AuthenticatedUser user, long schoolId, long id) {
    MessageStore.Full m =
        store.inSchool(schoolId, id).orElseThrow(() -> new NotFoundException("messaging.message"));
    boolean own = m.sentBy() != null && m.sentBy() == user.accountId();
    if (!own
        && !authorization.permits(Action.SEND_NOTICES, Target.school(schoolId))
        && !authorization.permits(Action.SEND_HEALTH_NOTICES, Target.school(schoolId))) {
      throw new NotFoundException("messaging.message");
    }
    return new Status(
        m,
        store.readCount(schoolId, id),
        deliveries.counts(schoolId, id),
        deliveries.pending(schoolId, id, 50));
  }
}
