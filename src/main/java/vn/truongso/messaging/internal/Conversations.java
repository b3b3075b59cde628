package vn.truongso.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.FamilyAccounts;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * A family's conversation with the school about one child: the family writes (or answers a notice),
 * the homeroom teacher or a leader answers, and the family is told on its channels. A family sees
 * only its own child's conversation; another's is answered as if it did not exist, and logged.
 */
@Service
public class Conversations {

  private static final Logger log = LoggerFactory.getLogger(Conversations.class);

  private final ConversationStore posts;
  private final MessageStore messages;
  private final Notices notices;
  private final Audiences audiences;
  private final Outbox outbox;
  private final FamilyAccounts families;
  private final People people;
  private final Classes classes;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;

  Conversations(
      ConversationStore posts,
      MessageStore messages,
      Notices notices,
      Audiences audiences,
      Outbox outbox,
      FamilyAccounts families,
      People people,
      Classes classes,
      Authorization authorization,
      AuditLog audit,
      Clock clock) {
    this.posts = posts;
    this.messages = messages;
    this.notices = notices;
    this.audiences = audiences;
    this.outbox = outbox;
    this.families = families;
    this.people = people;
    this.classes = classes;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
  }

  /** A conversation as a page shows it. */
  public record Thread(
      People.Student student, String className, List<ConversationStore.Post> posts) {}

  /** A conversation in the staff's list. */
  public record Listed(People.Student student, String className, ConversationStore.Summary last) {}

  @Transactional
  public Thread familyThread(AuthenticatedUser user, long schoolId, long studentId) {
    requireFamily(user, schoolId, studentId);
    return thread(user, schoolId, studentId);
  }

  @Transactional
  public long familyWrite(
      AuthenticatedUser user, long schoolId, long studentId, String body, @Nullable Long replyTo) {
    requireFamily(user, schoolId, studentId);
    String text = MessageRules.post(body);
    Long answered =
        replyTo == null
            ? null
            : messages
                .forRecipient(user.accountId(), schoolId, replyTo)
                .map(m -> replyTo)
                .orElse(null);
    Instant now = clock.instant();
    notices.requireWithinLimit(user, now);
    long id =
        posts.add(
            schoolId, studentId, user.accountId(), user.displayName(), true, answered, text, now);
    posts.read(schoolId, studentId, user.accountId(), id);
    audit.record(
        AuditEvent.of(schoolId, "messaging.post.family", "conversation_post", id)
            .after(Map.of("student", studentId)));
    return id;
  }

  @Transactional
  public Thread staffThread(AuthenticatedUser user, long schoolId, long studentId) {
    requireStaff(schoolId, studentId);
    return thread(user, schoolId, studentId);
  }

  /** The staff's answer: in the conversation, and on the family's channels. */
  @Transactional
  public long staffWrite(AuthenticatedUser user, long schoolId, long studentId, String body) {
    requireStaff(schoolId, studentId);
    String text = MessageRules.post(body);
    Instant now = clock.instant();
    notices.requireWithinLimit(user, now);
    long id =
        posts.add(
            schoolId, studentId, user.accountId(), user.displayName(), false, null, text, now);
    posts.read(schoolId, studentId, user.accountId(), id);
    outbox.enqueue(
        new Outbox.Source(schoolId, null, id, false),
        families.guardiansOf(schoolId, List.of(studentId)).stream()
            .map(h -> new Outbox.Addressee(h.accountId(), h.guardianId()))
            .toList());
    audit.record(
        AuditEvent.of(schoolId, "messaging.post.school", "conversation_post", id)
            .after(Map.of("student", studentId)));
    return id;
  }

  /** The conversations of the school that this member of staff may answer, latest first. */
  @Transactional(readOnly = true)
  public List<Listed> ofSchool(AuthenticatedUser user, long schoolId) {
    List<ConversationStore.Summary> all = posts.ofSchool(schoolId, user.accountId());
    Map<Long, People.Student> students =
        people
            .students(schoolId, all.stream().map(ConversationStore.Summary::studentId).toList())
            .stream()
            .collect(Collectors.toMap(People.Student::id, Function.identity()));
    LocalDate today = LocalDate.now(clock);
    List<Listed> out = new ArrayList<>();
    for (ConversationStore.Summary s : all) {
      People.Student student = students.get(s.studentId());
      Optional<Long> classId = classes.classOf(schoolId, s.studentId(), today);
      if (student != null
          && authorization.permits(
              Action.TALK_WITH_FAMILY, target(schoolId, s.studentId(), classId))) {
        out.add(new Listed(student, className(schoolId, classId), s));
      }
    }
    return out;
  }

  /** A homeroom class's students, to start a conversation with a family that has not written. */
  public record Roster(Classes.SchoolClass schoolClass, List<People.Student> students) {}

  /** The rosters of the classes this member of staff is homeroom teacher of (not the leaders'). */
  @Transactional(readOnly = true)
  public List<Roster> rosters(long schoolId) {
    if (authorization.permits(Action.SEND_NOTICES, Target.school(schoolId))) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    return audiences.classesFor(schoolId).stream()
        .filter(
            c ->
                authorization.permits(
                    Action.SEND_CLASS_NOTICES, Target.schoolClass(schoolId, c.id())))
        .map(c -> new Roster(c, classes.roster(schoolId, c.id(), today)))
        .toList();
  }

  private Thread thread(AuthenticatedUser user, long schoolId, long studentId) {
    People.Student student =
        people
            .student(schoolId, studentId)
            .orElseThrow(() -> new NotFoundException("messaging.student"));
    List<ConversationStore.Post> all = posts.posts(schoolId, studentId);
    if (!all.isEmpty()) {
      posts.read(schoolId, studentId, user.accountId(), all.getLast().id());
    }
    Optional<Long> classId = classes.classOf(schoolId, studentId, LocalDate.now(clock));
    return new Thread(student, className(schoolId, classId), all);
  }

  private void requireFamily(AuthenticatedUser user, long schoolId, long studentId) {
    if (!authorization.permits(Action.WRITE_TO_SCHOOL, Target.student(schoolId, null, studentId))
        || !families.holds(user.accountId(), schoolId, studentId)) {
      log.warn(
          "messaging: account {} asked for the conversation of student {} of school {}, not theirs",
          user.accountId(),
          studentId,
          schoolId);
      throw new NotFoundException("messaging.conversation");
    }
  }

  private void requireStaff(long schoolId, long studentId) {
    Optional<Long> classId = classes.classOf(schoolId, studentId, LocalDate.now(clock));
    authorization.require(Action.TALK_WITH_FAMILY, target(schoolId, studentId, classId));
  }

  private static Target target(long schoolId, long studentId, Optional<Long> classId) {
    return Target.student(schoolId, classId.orElse(null), studentId);
  }

  private String className(long schoolId, Optional<Long> classId) {
    return classId
        .flatMap(id -> classes.schoolClass(schoolId, id))
        .map(Classes.SchoolClass::name)
        .orElse("");
  }
}
