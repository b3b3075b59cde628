package vn.truongso.records.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a certificate may sign an official record at a given time: inside its validity period and
 * made for signatures. Pure, so that the refusals are tested against certificates made to fail each
 * rule; the library's validator judges the chain afterwards.
 */
public final class CertificateCheck {

  // RFC 5280 §4.2.1.3: KeyUsage bits 0 digitalSignature, 1 nonRepudiation (contentCommitment)
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int NON_REPUDIATION = 1;

  private CertificateCheck() {}

  /** Why a certificate cannot sign; each has its message in the records bundle. */
  public enum Refusal {
    NOT_YET_VALID,
    EXPIRED,
    NOT_FOR_SIGNING;

    public String messageKey() {
      return "records.certificate." + name();
    }
  }

  /** The first instant of the certificate's validity. */
  public static Instant validFrom(X509Certificate certificate) {
    return certificate.getNotBefore().toInstant();
  }

  /** The last instant of the certificate's validity. */
  public static Instant validUntil(X509Certificate certificate) {
    return certificate.getNotAfter().toInstant();
  }

  /** The first rule the certificate breaks at {@code at}, or empty when it may sign. */
  public static Optional<Refusal> refusal(X509Certificate certificate, Instant at) {
    if (at.isBefore(certificate.getNotBefore().toInstant())) {
      return Optional.of(Refusal.NOT_YET_VALID);
    }
    if (at.isAfter(certificate.getNotAfter().toInstant())) {
      return Optional.of(Refusal.EXPIRED);
    }
    boolean[] usage = certificate.getKeyUsage();
    // a certificate without the extension is not limited (RFC 5280 §4.2.1.3); one with it must
    // name a signature usage
    if (usage != null && !(bit(usage, DIGITAL_SIGNATURE) || bit(usage, NON_REPUDIATION))
        || certificate.getBasicConstraints() >= 0) {
      return Optional.of(Refusal.NOT_FOR_SIGNING);
    }
    return Optional.empty();
  }

  private static boolean bit(boolean[] usage, int i) {
    return usage.length > i && usage[i];
  }
}
