package vn.truongso.records.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Sha256;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.HocBaVersions.Latest;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;

/**
 * The signing of a class's học bạ (SL-CV, BA-HBS): once the year's results are approved the
 * homeroom teacher signs every student's year in one batch with one PIN, then the principal (or the
 * delegate) adds the school's seal. Each document is stored in its own transaction, so a batch that
 * stops (a token pulled out, a signing service down) leaves every document either fully signed or
 * untouched. A result changed after signing makes the next version; the signed ones stay.
 */
@Service
public class HocBaSigning {

  private static final Logger log = LoggerFactory.getLogger(HocBaSigning.class);
  private static final Locale VI = Locale.forLanguageTag("vi");

  private final HocBaRecords records;
  private final HocBaXml xml;
  private final HocBaPrint print;
  private final Signer signer;
  private final SigningCertificates certificates;
  private final HocBaVersions versions;
  private final Authorization authorization;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final MessageSource messages;
  private final Clock clock;

  @SuppressWarnings("ParameterNumber")
  HocBaSigning(
      HocBaRecords records,
      HocBaXml xml,
      HocBaPrint print,
      Signer signer,
      SigningCertificates certificates,
      HocBaVersions versions,
      Authorization authorization,
      AuditLog audit,
      TransactionTemplate tx,
      MessageSource messages,
      Clock clock) {
    this.records = records;
    this.xml = xml;
    this.print = print;
    this.signer = signer;
    this.certificates = certificates;
    this.versions = versions;
    this.authorization = authorization;
    this.audit = audit;
    this.tx = tx;
    this.messages = messages;
    this.clock = clock;
  }

  /** Where a student's học bạ of the year stands. */
  public enum State {
    /** never signed */
    UNSIGNED,
    /** signed by the homeroom teacher, awaiting the seal */
    SIGNED,
    /** signed and sealed: published */
    SEALED,
    /** a result changed after the latest signature: the next version awaits signing */
    CHANGED
  }

  /** A student's state with the latest version's facts, if any. */
  public record Status(State state, @Nullable Latest latest) {}

  /**
   * What a batch did: documents signed, documents someone else's batch signed meanwhile, and those
   * left unsigned because the batch stopped ({@code stoppedBecause} the message key).
   */
  public record Batch(int signed, int skipped, int left, @Nullable String stoppedBecause)
      implements java.io.Serializable {}

  /** Each student's state, in the class's order. */
  public Map<Long, Status> status(HocBaRecords.ClassRecords r) {
    Map<Long, Latest> latest =
        versions.latest(r.year().schoolId(), r.year().startYear(), r.records().keySet());
    Map<Long, Status> out = new LinkedHashMap<>();
    r.records()
        .forEach(
            (id, record) -> {
              Latest l = latest.get(id);
              out.put(id, new Status(state(l, xml.fingerprint(record)), l));
            });
    return out;
  }

  static State state(@Nullable Latest l, String fingerprint) {
    if (l == null) {
      return State.UNSIGNED;
    }
    if (!l.contentSha256().equals(fingerprint)) {
      return State.CHANGED;
    }
    return l.sealedAt() == null ? State.SIGNED : State.SEALED;
  }

  /**
   * The homeroom teacher signs every student's year not signed at its current results.
   *
   * @throws UserInputException before anything is signed: the year not approved, nothing left to
   *     sign, or the key refused (see {@link SigningCertificates#open})
   */
  public Batch sign(
      long schoolId, long classId, AuthenticatedUser user, long certificateId, char[] pin) {
    authorization.require(Action.SIGN_RECORDS, Target.schoolClass(schoolId, classId));
    HocBaRecords.ClassRecords r = records.ofClass(schoolId, classId);
    Map<Long, Status> status = status(r);
    List<Map.Entry<Long, Status>> todo =
        status.entrySet().stream()
            .filter(
                e ->
                    e.getValue().state() == State.UNSIGNED || e.getValue().state() == State.CHANGED)
            .toList();
    if (todo.isEmpty()) {
      throw new UserInputException("pin", "records.sign.nothingToSign");
    }
    int startYear = r.year().startYear();
    String reason =
        messages.getMessage(
            "records.sign.reason.homeroom",
            new Object[] {user.displayName(), r.year().className(), startYear, startYear + 1},
            VI);
    try (SigningKey key =
        certificates.open(
            schoolId, user, certificateId, SigningCertificates.Purpose.PERSONAL, pin)) {
      return batch(
          todo,
          e -> {
            Latest latest = e.getValue().latest();
            int version = latest == null ? 1 : latest.version() + 1;
            StudentYearRecord record =
                Objects.requireNonNull(r.records().get(e.getKey())).as(version, clock.instant());
            byte[] signedXml = signer.signXml(xml.current(record), key);
            xml.validateCurrent(signedXml);
            byte[] signedPdf = signer.signPdf(print.pdf(record), key, reason, r.year().className());
            return new HocBaVersions.Signed(
                schoolId,
                classId,
                e.getKey(),
                startYear,
                version,
                xml.fingerprint(record),
                signedXml,
                signedPdf,
                user.accountId(),
                user.displayName(),
                certificateId,
                clock.instant());
          },
          this::stored);
    }
  }

  /**
   * Signs each document in turn and stores it in a transaction of its own; a signature that fails
   * stops the batch with the documents stored so far.
   */
  <R> Batch batch(
      List<Map.Entry<Long, Status>> todo,
      Function<Map.Entry<Long, Status>, R> sign,
      Predicate<R> store) {
    int done = 0;
    int skipped = 0;
    for (Map.Entry<Long, Status> e : todo) {
      R row;
      try {
        row = sign.apply(e);
      } catch (RuntimeException failure) {
        log.warn("Signing stopped after {} of {} documents", done, todo.size(), failure);
        return new Batch(done, skipped, todo.size() - done - skipped, "records.sign.stopped");
      }
      if (Boolean.TRUE.equals(tx.execute(t -> store.test(row)))) {
        done++;
      } else {
        skipped++;
      }
    }
    return new Batch(done, skipped, 0, null);
  }

  boolean stored(HocBaVersions.Signed row) {
    if (!versions.add(row)) {
      return false;
    }
    audit.record(
        AuditEvent.of(
                row.schoolId(),
                "records.hocba.signed",
                "hocba",
                row.studentId() + "/" + row.startYear() + "/" + row.version())
            .after(
                Map.of(
                    "certificate", row.certificateId(),
                    "pdfSha256", Sha256.hex(row.pdf()),
                    "xmlSha256", Sha256.hex(row.xml()))));
    return true;
  }

  /**
   * The school's seal on every student's year the homeroom teacher signed at its current results.
   *
   * @throws UserInputException before anything is sealed: the year not approved, nothing signed by
   *     the homeroom teacher yet, everything sealed already, or the key refused
   */
  public Batch seal(
      long schoolId, long classId, AuthenticatedUser user, long certificateId, char[] pin) {
    authorization.require(Action.SEAL_RECORDS, Target.school(schoolId));
    HocBaRecords.ClassRecords r = records.ofClass(schoolId, classId);
    Map<Long, Status> status = status(r);
    List<Map.Entry<Long, Status>> todo =
        status.entrySet().stream().filter(e -> e.getValue().state() == State.SIGNED).toList();
    if (todo.isEmpty()) {
      boolean allSealed = status.values().stream().allMatch(s -> s.state() == State.SEALED);
      throw new UserInputException(
          "pin", allSealed ? "records.seal.nothingToSeal" : "records.seal.notSigned");
    }
    int startYear = r.year().startYear();
    String reason =
        messages.getMessage(
            "records.sign.reason.seal",
            new Object[] {user.displayName(), r.year().className(), startYear, startYear + 1},
            VI);
    try (SigningKey key =
        certificates.open(schoolId, user, certificateId, SigningCertificates.Purpose.SEAL, pin)) {
      return batch(
          todo,
          e -> {
            Latest latest = Objects.requireNonNull(e.getValue().latest());
            HocBaVersions.Documents signed =
                versions.signed(schoolId, e.getKey(), startYear, latest.version()).orElseThrow();
            byte[] sealedXml = signer.signXml(signed.xml(), key);
            xml.validateCurrent(sealedXml);
            return new HocBaVersions.Sealed(
                schoolId,
                e.getKey(),
                startYear,
                latest.version(),
                sealedXml,
                signer.signPdf(signed.pdf(), key, reason, r.year().className()),
                user.accountId(),
                user.displayName(),
                user.roleSummary(),
                certificateId,
                clock.instant());
          },
          this::sealed);
    }
  }

  boolean sealed(HocBaVersions.Sealed row) {
    if (!versions.seal(row)) {
      return false;
    }
    audit.record(
        AuditEvent.of(
                row.schoolId(),
                "records.hocba.sealed",
                "hocba",
                row.studentId() + "/" + row.startYear() + "/" + row.version())
            .after(
                Map.of(
                    "certificate", row.certificateId(),
                    "as", row.sealedAs(),
                    "pdfSha256", Sha256.hex(row.pdf()),
                    "xmlSha256", Sha256.hex(row.xml()))));
    return true;
  }
}
