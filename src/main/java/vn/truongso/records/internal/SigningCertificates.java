package vn.truongso.records.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.org.Organisation;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.TextFold;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.signing.CertificateCheck;
import vn.truongso.records.signing.SigningKey;

/**
 * The certificates linked to the people who sign and to the school's seal. A certificate is linked
 * only when its key opens with the PIN and its subject names the account's holder (or the school,
 * for the seal), so nobody signs with someone else's certificate; a PIN typed wrong too often locks
 * the link until its owner uploads the file again.
 */
@Service
public class SigningCertificates {

  /** Wrong PINs in a row before TruongSo stops trying the key (a token may lock itself sooner). */
  public static final int PIN_ATTEMPTS = 5;

  private static final int MAX_FILE_BYTES = 64 * 1024;

  private final CertificateStore store;
  private final Authorization authorization;
  private final Organisation org;
  private final AuditLog audit;
  private final java.time.Clock clock;
  private final String pkcs11Library;

  SigningCertificates(
      CertificateStore store,
      Authorization authorization,
      Organisation org,
      AuditLog audit,
      java.time.Clock clock,
      @Value("${truongso.signing.pkcs11-library}") String pkcs11Library) {
    this.store = store;
    this.authorization = authorization;
    this.org = org;
    this.audit = audit;
    this.clock = clock;
    this.pkcs11Library = pkcs11Library;
  }

  /** Whose signature a certificate makes: a person's, or the school's seal. */
  public enum Purpose {
    PERSONAL,
    SEAL
  }

  /** Where the key lives. */
  public enum Kind {
    PKCS12,
    PKCS11
  }

  /** A linked certificate as its owner sees it. */
  public record Linked(
      long id,
      Purpose purpose,
      Kind kind,
      String subject,
      String issuer,
      String serial,
      Instant notBefore,
      Instant notAfter,
      int failedPins) {

    public boolean locked() {
      return failedPins >= PIN_ATTEMPTS;
    }
  }

  /** The certificates the user signs with in the school. */
  public List<Linked> mine(long schoolId, long accountId) {
    return store.select("purpose = 'PERSONAL' AND account_id = :account", schoolId, accountId);
  }

  /** The school's seals; shown to those who may seal. */
  public List<Linked> seals(long schoolId) {
    return store.select("purpose = 'SEAL'", schoolId, 0);
  }

  /**
   * Links a PKCS#12 file (kept as uploaded, encrypted by its PIN) to the user or, as the seal, to
   * the school.
   */
  @Transactional
  public long registerFile(
      long schoolId, AuthenticatedUser user, Purpose purpose, byte[] file, char[] pin) {
    mayRegister(schoolId, purpose);
    if (file.length == 0) {
      throw new UserInputException("file", "records.certificate.file.empty");
    }
    if (file.length > MAX_FILE_BYTES) {
      throw new UserInputException("file", "records.certificate.file.tooLarge");
    }
    if (opens(file, new char[0])) {
      throw new UserInputException("file", "records.certificate.file.unprotected");
    }
    X509Certificate certificate;
    try (SigningKey key = SigningKey.pkcs12(file, pin)) {
      certificate = key.certificate();
    } catch (SigningKey.WrongPinException | IllegalArgumentException e) {
      throw new UserInputException("pin", "records.certificate.file.wrongPin");
    }
    return link(schoolId, user, purpose, certificate, Kind.PKCS12, file, null);
  }

  /** Links the certificate on a hardware token, named by its position in the slot list. */
  @Transactional
  public long registerToken(
      long schoolId, AuthenticatedUser user, Purpose purpose, int slot, char[] pin) {
    mayRegister(schoolId, purpose);
    X509Certificate certificate;
    try (SigningKey key = SigningKey.pkcs11(pkcs11Library, slot, pin)) {
      certificate = key.certificate();
    } catch (RuntimeException e) {
      throw new UserInputException("slot", "records.certificate.token", slot);
    }
    return link(schoolId, user, purpose, certificate, Kind.PKCS11, null, slot);
  }

  /** Ends a link; the signatures made with it stay as they are. */
  @Transactional
  public void withdraw(long schoolId, AuthenticatedUser user, long id) {
    CertificateStore.Stored s = store.stored(schoolId, id);
    mayUse(schoolId, user, s);
    store.withdraw(schoolId, id, clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "records.certificate.withdrawn", "certificate", String.valueOf(id))
            .before(s.linked().serial()));
  }

  /**
   * Opens the key of a certificate linked to the user (or, for the seal, to the school) for one
   * batch. Not in a transaction: a wrong PIN is counted even though the batch goes no further.
   *
   * @throws UserInputException with the reason the key cannot sign: withdrawn, locked, out of its
   *     validity, not for signing, a wrong PIN (with the attempts left)
   */
  public SigningKey open(
      long schoolId, AuthenticatedUser user, long id, Purpose purpose, char[] pin) {
    CertificateStore.Stored s = store.stored(schoolId, id);
    if (s.linked().purpose() != purpose) {
      throw new NotFoundException("certificate");
    }
    mayUse(schoolId, user, s);
    if (s.linked().locked()) {
      throw new UserInputException("pin", "records.sign.locked", PIN_ATTEMPTS);
    }
    Optional<CertificateCheck.Refusal> refusal =
        CertificateCheck.refusal(s.certificate(), clock.instant());
    if (refusal.isPresent()) {
      throw new UserInputException(
          "certificate",
          refusal.get().messageKey(),
          day(s.linked().notBefore()),
          day(s.linked().notAfter()));
    }
    SigningKey key;
    try {
      key =
          s.linked().kind() == Kind.PKCS12
              ? SigningKey.pkcs12(java.util.Objects.requireNonNull(s.pkcs12()), pin)
              : SigningKey.pkcs11(pkcs11Library, java.util.Objects.requireNonNull(s.slot()), pin);
    } catch (SigningKey.WrongPinException e) {
      int failed = store.countWrongPin(schoolId, id);
      throw new UserInputException(
          "pin",
          s.linked().kind() == Kind.PKCS12 ? "records.sign.wrongPin" : "records.sign.wrongPinToken",
          Math.max(0, PIN_ATTEMPTS - failed),
          failed);
    }
    if (!key.certificate().equals(s.certificate())) {
      key.close();
      throw new UserInputException("certificate", "records.certificate.otherKey");
    }
    if (s.linked().failedPins() > 0) {
      store.resetPins(schoolId, id);
    }
    return key;
  }

  private long link(
      long schoolId,
      AuthenticatedUser user,
      Purpose purpose,
      X509Certificate certificate,
      Kind kind,
      byte @Nullable [] pkcs12,
      @Nullable Integer slot) {
    String subject = certificate.getSubjectX500Principal().getName();
    String holder = purpose == Purpose.PERSONAL ? user.displayName() : schoolName(schoolId);
    if (!names(subject, holder)) {
      throw new UserInputException(
          "file",
          purpose == Purpose.PERSONAL
              ? "records.certificate.notYours"
              : "records.certificate.notTheSchool",
          commonName(subject),
          holder);
    }
    CertificateCheck.refusal(certificate, clock.instant())
        .ifPresent(
            r -> {
              throw new UserInputException(
                  "file",
                  r.messageKey(),
                  day(CertificateCheck.validFrom(certificate)),
                  day(CertificateCheck.validUntil(certificate)));
            });
    long id;
    try {
      id = store.insert(schoolId, user, purpose, certificate, kind, pkcs12, slot, clock.instant());
    } catch (DuplicateKeyException e) {
      throw new UserInputException("file", "records.certificate.taken");
    }
    audit.record(
        AuditEvent.of(schoolId, "records.certificate.linked", "certificate", String.valueOf(id))
            .after(
                java.util.Map.of(
                    "purpose", purpose.name(),
                    "kind", kind.name(),
                    "subject", subject,
                    "serial", certificate.getSerialNumber().toString(16))));
    return id;
  }

  private void mayRegister(long schoolId, Purpose purpose) {
    boolean may =
        purpose == Purpose.SEAL
            ? authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId))
            : signsIn(schoolId, Action.SIGN_RECORDS)
                // subject teachers sign the class book's pages of their subjects
                || signsIn(schoolId, Action.ENTER_SCORES)
                || authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId));
    if (!may) {
      throw new AccessDeniedException("records.certificate");
    }
  }

  private boolean signsIn(long schoolId, Action action) {
    return authorization.scopesWhere(action).stream()
        .anyMatch(t -> Long.valueOf(schoolId).equals(t.schoolId()));
  }

  private void mayUse(long schoolId, AuthenticatedUser user, CertificateStore.Stored s) {
    boolean may =
        s.linked().purpose() == Purpose.SEAL
            ? authorization.permits(Action.SEAL_RECORDS, Target.school(schoolId))
            : Long.valueOf(user.accountId()).equals(s.accountId());
    if (!may) {
      throw new UserInputException("certificate", "records.certificate.notYourKey");
    }
  }

  private static String day(Instant at) {
    return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
        .format(at.atZone(vn.truongso.platform.Formats.VIETNAM));
  }

  private String schoolName(long schoolId) {
    return org.school(schoolId).orElseThrow(() -> new NotFoundException("school")).name();
  }

  /** Whether the subject's common name or organisation is the holder's name, diacritics aside. */
  static boolean names(String subject, String holder) {
    String want = TextFold.fold(holder).strip();
    return rdns(subject).stream()
        .filter(r -> r.getType().equalsIgnoreCase("CN") || r.getType().equalsIgnoreCase("O"))
        .anyMatch(r -> TextFold.fold(String.valueOf(r.getValue())).strip().equals(want));
  }

  static String commonName(String subject) {
    return rdns(subject).stream()
        .filter(r -> r.getType().equalsIgnoreCase("CN"))
        .map(r -> String.valueOf(r.getValue()))
        .findFirst()
        .orElse(subject);
  }

  private static List<Rdn> rdns(String subject) {
    try {
      return new LdapName(subject).getRdns();
    } catch (InvalidNameException e) {
      return List.of();
    }
  }

  private static boolean opens(byte[] file, char[] pin) {
    try (SigningKey ignored = SigningKey.pkcs12(file, pin)) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
