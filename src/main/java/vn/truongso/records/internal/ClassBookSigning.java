package vn.truongso.records.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.gradebook.ClassYears;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Sha256;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.ClassBookVersions.Role;
import vn.truongso.records.internal.ClassBookVersions.Signature;
import vn.truongso.records.internal.ClassBookVersions.Version;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;

/**
 * The class book signed as DH-DK asks: once the year is approved, each subject teacher signs the
 * book for the subjects they teach in the class, then the homeroom teacher signs it, then the
 * principal (or the delegated approver) adds the school's seal. Every signature is an incremental
 * PAdES signature on the same frozen PDF/A; signers of one class queue on a lock so that none is
 * lost. A result changed after signing makes the next version, to be signed again.
 */
@Service
public class ClassBookSigning {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final ClassYears years;
  private final ClassBookReader reader;
  private final ClassBookPrint print;
  private final ClassBookVersions versions;
  private final SigningCertificates certificates;
  private final Signer signer;
  private final Authorization authorization;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  ClassBookSigning(
      ClassYears years,
      ClassBookReader reader,
      ClassBookPrint print,
      ClassBookVersions versions,
      SigningCertificates certificates,
      Signer signer,
      Authorization authorization,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx,
      JdbcClient jdbc,
      MessageSource messages) {
    this.years = years;
    this.reader = reader;
    this.print = print;
    this.versions = versions;
    this.certificates = certificates;
    this.signer = signer;
    this.authorization = authorization;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  /**
   * Where the class's book stands: its latest version (null before the first signature), whether
   * the results moved since, who signed, the subjects whose teachers have not, and what the user
   * may do.
   */
  public record Status(
      ClassYears.ClassYear year,
      @Nullable Version version,
      boolean stale,
      List<Signature> signatures,
      Map<String, String> missingSubjects,
      boolean homeroomSigned,
      boolean sealed,
      List<String> mySubjects,
      boolean homeroom,
      boolean mayseal) {}

  @Transactional(readOnly = true)
  public Status status(long schoolId, long classId) {
    ClassYears.ClassYear y = years.of(schoolId, classId);
    Optional<Version> latest = versions.latest(schoolId, classId);
    boolean stale =
        latest.isPresent()
            && y.yearApproved()
            && !latest.get().contentSha256().equals(fingerprint(schoolId, classId));
    List<Signature> signatures =
        latest.isPresent() && !stale ? versions.signatures(latest.get()) : List.of();
    return new Status(
        y,
        latest.orElse(null),
        stale,
        signatures,
        missing(y, signatures),
        signatures.stream().anyMatch(s -> s.role() == Role.HOMEROOM),
        signatures.stream().anyMatch(s -> s.role() == Role.SEAL),
        mySubjects(schoolId, classId),
        authorization.permits(Action.SIGN_RECORDS, Target.schoolClass(schoolId, classId)),
        authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId)));
  }

  /**
   * The signed-in teacher signs: for the subjects they teach in the class not signed yet, else as
   * the homeroom teacher once every subject is signed. Answers the message key of what was signed.
   */
  public String sign(
      long schoolId, long classId, AuthenticatedUser user, long certificateId, char[] pin) {
    List<String> mine = mySubjects(schoolId, classId);
    boolean homeroom =
        authorization.permits(Action.SIGN_RECORDS, Target.schoolClass(schoolId, classId));
    if (mine.isEmpty() && !homeroom) {
      throw new AccessDeniedException("records.classbook.sign");
    }
    ClassYears.ClassYear y = approved(schoolId, classId);
    try (SigningKey key =
        certificates.open(
            schoolId, user, certificateId, SigningCertificates.Purpose.PERSONAL, pin)) {
      return java.util.Objects.requireNonNull(
          tx.execute(
              s -> {
                Version v = current(schoolId, classId, y, user);
                List<Signature> done = versions.signatures(v);
                List<String> left = new ArrayList<>(mine);
                done.forEach(d -> left.removeAll(d.subjects()));
                if (!left.isEmpty()) {
                  append(v, done, key, Role.SUBJECT, left, user, certificateId, y);
                  return "records.classbook.signed.subjects";
                }
                if (!homeroom || done.stream().anyMatch(d -> d.role() == Role.HOMEROOM)) {
                  throw new UserInputException("pin", "records.classbook.sign.already");
                }
                Map<String, String> missing = missing(y, done);
                if (!missing.isEmpty()) {
                  throw new UserInputException(
                      "pin",
                      "records.classbook.sign.waitSubjects",
                      String.join(", ", missing.values()));
                }
                append(v, done, key, Role.HOMEROOM, List.of(), user, certificateId, y);
                return "records.classbook.signed.homeroom";
              }));
    }
  }

  /** The principal or the delegated approver adds the school's seal, last. */
  public void seal(
      long schoolId, long classId, AuthenticatedUser user, long certificateId, char[] pin) {
    authorization.require(Action.SEAL_RECORDS, Target.school(schoolId));
    ClassYears.ClassYear y = approved(schoolId, classId);
    try (SigningKey key =
        certificates.open(schoolId, user, certificateId, SigningCertificates.Purpose.SEAL, pin)) {
      tx.executeWithoutResult(
          s -> {
            Version v = current(schoolId, classId, y, user);
            List<Signature> done = versions.signatures(v);
            if (done.stream().anyMatch(d -> d.role() == Role.SEAL)) {
              throw new UserInputException("pin", "records.classbook.seal.already");
            }
            if (!missing(y, done).isEmpty()
                || done.stream().noneMatch(d -> d.role() == Role.HOMEROOM)) {
              throw new UserInputException("pin", "records.classbook.seal.notYet");
            }
            append(v, done, key, Role.SEAL, List.of(), user, certificateId, y);
          });
    }
  }

  /** The latest version as signed so far, for download; empty before the first signature. */
  @Transactional(readOnly = true)
  public Optional<byte[]> document(long schoolId, long classId) {
    years.of(schoolId, classId);
    return versions.latest(schoolId, classId).map(versions::document);
  }

  private ClassYears.ClassYear approved(long schoolId, long classId) {
    ClassYears.ClassYear y = years.of(schoolId, classId);
    if (y.policy() == null) {
      throw new UserInputException("pin", "records.hocba.noPolicy");
    }
    if (!y.yearApproved()) {
      throw new UserInputException("pin", "records.classbook.sign.notApproved");
    }
    return y;
  }

  /**
   * The version every signer of the class signs now, under the class's lock: the latest while the
   * results are those it shows, else the next, frozen from a fresh print.
   */
  private Version current(
      long schoolId, long classId, ClassYears.ClassYear y, AuthenticatedUser user) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
        .params((int) schoolId, (int) classId)
        .query()
        .listOfRows();
    ClassBookModel model = reader.readToSign(schoolId, classId);
    String xhtml = print.xhtml(model);
    String sha = Sha256.hex(xhtml.getBytes(StandardCharsets.UTF_8));
    Optional<Version> latest = versions.latestForUpdate(schoolId, classId);
    if (latest.isPresent() && latest.get().contentSha256().equals(sha)) {
      return latest.get();
    }
    int next = latest.map(v -> v.version() + 1).orElse(1);
    Version v =
        versions.insert(
            schoolId,
            classId,
            next,
            y.startYear(),
            sha,
            print.pdf(model),
            user.accountId(),
            clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "records.classbook.version", "classbook", classId + "/v" + next));
    return v;
  }

  private void append(
      Version v,
      List<Signature> done,
      SigningKey key,
      Role role,
      List<String> subjects,
      AuthenticatedUser user,
      long certificateId,
      ClassYears.ClassYear y) {
    String reason =
        messages.getMessage(
            "records.classbook.reason." + role.name(),
            new Object[] {
              user.displayName(),
              y.className(),
              y.startYear(),
              y.startYear() + 1,
              names(y, subjects)
            },
            VI);
    byte[] before = versions.document(v);
    byte[] signed = signer.signPdf(before, key, reason, y.className());
    Instant at = clock.instant();
    versions.append(
        v,
        done.size() + 1,
        before,
        signed,
        role,
        subjects,
        user.accountId(),
        user.displayName(),
        certificateId,
        at);
    audit.record(
        AuditEvent.of(
                v.schoolId(),
                "records.classbook.signed",
                "classbook",
                v.classId() + "/v" + v.version())
            .after(
                Map.of("role", role.name(), "subjects", subjects, "certificate", certificateId)));
  }

  private List<String> mySubjects(long schoolId, long classId) {
    return authorization.scopesWhere(Action.ENTER_SCORES).stream()
        .filter(
            t ->
                Long.valueOf(schoolId).equals(t.schoolId())
                    && Long.valueOf(classId).equals(t.classId()))
        .map(Target::subjectCode)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  /** The class's subjects no signature covers yet, code to name. */
  private static Map<String, String> missing(ClassYears.ClassYear y, List<Signature> done) {
    Map<String, String> out = new LinkedHashMap<>();
    y.subjects().forEach(s -> out.put(s.code(), s.name()));
    done.forEach(d -> d.subjects().forEach(out::remove));
    return out;
  }

  private static String names(ClassYears.ClassYear y, List<String> codes) {
    return String.join(
        ", ",
        y.subjects().stream()
            .filter(s -> codes.contains(s.code()))
            .map(ClassYears.Subject::name)
            .toList());
  }

  private String fingerprint(long schoolId, long classId) {
    return Sha256.hex(
        print.xhtml(reader.readToSign(schoolId, classId)).getBytes(StandardCharsets.UTF_8));
  }
}
