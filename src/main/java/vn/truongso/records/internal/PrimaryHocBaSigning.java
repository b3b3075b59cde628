package vn.truongso.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.truongso.gradebook.PrimaryRecords;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.HocBaSigning.Batch;
import vn.truongso.records.internal.HocBaSigning.State;
import vn.truongso.records.internal.HocBaSigning.Status;
import vn.truongso.records.internal.HocBaVersions.Latest;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;

/**
 * The signing of a primary class's học bạ, as the secondary's (SL-CV, BA-HBS): once the principal
 * approved the year, the homeroom teacher signs every pupil's final year in one batch with one PIN
 * (XAdES on the XML, PAdES on the PDF), then the principal adds the school's seal. The versions are
 * kept in the same store as the secondary's (a pupil has one class a year): a result changed after
 * signing makes the next version, and the public verification page answers for both.
 */
@Service
public class PrimaryHocBaSigning {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final PrimaryRecords records;
  private final PrimaryHocBa hocBa;
  private final PrimaryHocBaXml xml;
  private final Signer signer;
  private final SigningCertificates certificates;
  private final HocBaVersions versions;
  private final HocBaSigning hocBaSigning;
  private final Authorization authorization;
  private final MessageSource messages;
  private final Clock clock;

  PrimaryHocBaSigning(
      PrimaryRecords records,
      PrimaryHocBa hocBa,
      PrimaryHocBaXml xml,
      Signer signer,
      SigningCertificates certificates,
      HocBaVersions versions,
      HocBaSigning hocBaSigning,
      Authorization authorization,
      MessageSource messages,
      Clock clock) {
    this.records = records;
    this.hocBa = hocBa;
    this.xml = xml;
    this.signer = signer;
    this.certificates = certificates;
    this.versions = versions;
    this.hocBaSigning = hocBaSigning;
    this.authorization = authorization;
    this.messages = messages;
    this.clock = clock;
  }

  /** Each final pupil's state, with the year's facts. */
  public record ClassStatus(PrimaryRecords.ClassYear year, Map<Long, Status> pupils) {}

  public ClassStatus status(long schoolId, long classId) {
    PrimaryRecords.ClassYear y = records.ofClass(schoolId, classId);
    Map<Long, Latest> latest = versions.latest(schoolId, y.startYear(), y.pupils());
    Map<Long, Status> out = new LinkedHashMap<>();
    for (long pupil : y.pupils()) {
      Latest l = latest.get(pupil);
      String fingerprint = hocBa.fingerprint(schoolId, classId, pupil);
      out.put(pupil, new Status(HocBaSigning.state(l, fingerprint), l));
    }
    return new ClassStatus(y, out);
  }

  /**
   * The homeroom teacher signs every pupil's year not signed at its current values.
   *
   * @throws UserInputException before anything is signed: the year not approved, nothing left to
   *     sign, or the key refused
   */
  public Batch sign(
      long schoolId, long classId, AuthenticatedUser user, long certificateId, char[] pin) {
    authorization.require(Action.SIGN_RECORDS, Target.schoolClass(schoolId, classId));
    ClassStatus s = approved(schoolId, classId);
    List<Map.Entry<Long, Status>> todo =
        s.pupils().entrySet().stream()
            .filter(
                e ->
                    e.getValue().state() == State.UNSIGNED || e.getValue().state() == State.CHANGED)
            .toList();
    if (todo.isEmpty()) {
      throw new UserInputException("pin", "records.sign.nothingToSign");
    }
    String reason = reason("records.sign.reason.homeroom", user, s.year());
    try (SigningKey key =
        certificates.open(
            schoolId, user, certificateId, SigningCertificates.Purpose.PERSONAL, pin)) {
      return hocBaSigning.batch(
          todo,
          e -> {
            Latest latest = e.getValue().latest();
            int version = latest == null ? 1 : latest.version() + 1;
            Instant at = clock.instant();
            PrimaryHocBa.Documents d = hocBa.documents(schoolId, classId, e.getKey(), at);
            byte[] signedXml = signer.signXml(d.xml(), key);
            xml.validate(signedXml);
            byte[] signedPdf = signer.signPdf(d.pdf(), key, reason, s.year().className());
            return new HocBaVersions.Signed(
                schoolId,
                classId,
                e.getKey(),
                s.year().startYear(),
                version,
                d.fingerprint(),
                signedXml,
                signedPdf,
                user.accountId(),
                user.displayName(),
                certificateId,
                at);
          },
          hocBaSigning::stored);
    }
  }

  /**
   * The school's seal on every pupil's year the homeroom teacher signed at its current values.
   *
   * @throws UserInputException before anything is sealed: nothing signed yet, all sealed already,
   *     or the key refused
   */
  public Batch seal(
      long schoolId, long classId, AuthenticatedUser user, long certificateId, char[] pin) {
    authorization.require(Action.SEAL_RECORDS, Target.school(schoolId));
    ClassStatus s = approved(schoolId, classId);
    List<Map.Entry<Long, Status>> todo =
        s.pupils().entrySet().stream().filter(e -> e.getValue().state() == State.SIGNED).toList();
    if (todo.isEmpty()) {
      boolean allSealed = s.pupils().values().stream().allMatch(x -> x.state() == State.SEALED);
      throw new UserInputException(
          "pin", allSealed ? "records.seal.nothingToSeal" : "records.seal.notSigned");
    }
    String reason = reason("records.sign.reason.seal", user, s.year());
    int startYear = s.year().startYear();
    try (SigningKey key =
        certificates.open(schoolId, user, certificateId, SigningCertificates.Purpose.SEAL, pin)) {
      return hocBaSigning.batch(
          todo,
          e -> {
            Latest latest = Objects.requireNonNull(e.getValue().latest());
            HocBaVersions.Documents signedDocs =
                versions.signed(schoolId, e.getKey(), startYear, latest.version()).orElseThrow();
            byte[] sealedXml = signer.signXml(signedDocs.xml(), key);
            xml.validate(sealedXml);
            return new HocBaVersions.Sealed(
                schoolId,
                e.getKey(),
                startYear,
                latest.version(),
                sealedXml,
                signer.signPdf(signedDocs.pdf(), key, reason, s.year().className()),
                user.accountId(),
                user.displayName(),
                user.roleSummary(),
                certificateId,
                clock.instant());
          },
          hocBaSigning::sealed);
    }
  }

  private ClassStatus approved(long schoolId, long classId) {
    ClassStatus s = status(schoolId, classId);
    if (!s.year().yearApproved()) {
      throw new UserInputException("pin", "records.primary.notApproved");
    }
    return s;
  }

  private String reason(String key, AuthenticatedUser user, PrimaryRecords.ClassYear y) {
    return messages.getMessage(
        key,
        new Object[] {user.displayName(), y.className(), y.startYear(), y.startYear() + 1},
        VI);
  }
}
