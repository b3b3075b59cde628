package vn.truongso.records.signing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Checks every signature of a PDF or XML document with the library's validator, offline: no
 * revocation or certificate fetch from the network, the trusted certificates given by the caller.
 * An intact signature whose chain reaches no trusted certificate is {@code INDETERMINATE}, a
 * changed byte {@code TOTAL_FAILED}.
 */
@Service
public class SignatureCheck {

  private final Clock clock;

  public SignatureCheck(Clock clock) {
    this.clock = clock;
  }

  /**
   * One signature as the validator found it; {@code signedAt} is the time the signer claims, {@code
   * timestampedAt} the time a time-stamping authority proves (B-T and above; only a time-stamp that
   * itself passed, so its authority's certificate must be trusted too), {@code format} the level
   * found, e.g. {@code PAdES-BASELINE-LT}.
   */
  public record Found(
      String signedBy,
      @Nullable Instant signedAt,
      Indication indication,
      @Nullable SubIndication subIndication,
      @Nullable Instant timestampedAt,
      @Nullable SignatureLevel format) {

    /** A signature without time-stamp or known format. */
    public Found(
        String signedBy,
        @Nullable Instant signedAt,
        Indication indication,
        @Nullable SubIndication subIndication) {
      this(signedBy, signedAt, indication, subIndication, null, null);
    }

    /** The signature is intact and its chain reaches a trusted certificate. */
    public boolean passed() {
      return indication == Indication.TOTAL_PASSED;
    }

    /** The signed bytes or the signature itself were changed. */
    public boolean broken() {
      return indication == Indication.TOTAL_FAILED;
    }
  }

  /** The document's signatures in order; empty for a document nobody signed. */
  public List<Found> check(byte[] document, Collection<X509Certificate> trusted) {
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new InMemoryDocument(document));
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
    for (X509Certificate c : trusted) {
      anchors.addCertificate(new CertificateToken(c));
    }
    verifier.setTrustedCertSources(anchors);
    verifier.setAIASource(null);
    verifier.setOcspSource(null);
    verifier.setCrlSource(null);
    validator.setCertificateVerifier(verifier);
    // certificates are judged at the clock's time, not the machine's
    validator.setValidationTime(Date.from(clock.instant()));
    Reports reports = validator.validateDocument();
    SimpleReport simple = reports.getSimpleReport();
    List<Found> found = new ArrayList<>();
    for (String id : simple.getSignatureIdList()) {
      Date at = simple.getSigningTime(id);
      found.add(
          new Found(
              String.valueOf(simple.getSignedBy(id)),
              at == null ? null : at.toInstant(),
              simple.getIndication(id),
              simple.getSubIndication(id),
              timestampedAt(simple, id),
              simple.getSignatureFormat(id)));
    }
    return found;
  }

  /** The earliest time proved by a signature time-stamp that passed. */
  private static @Nullable Instant timestampedAt(SimpleReport simple, String signatureId) {
    Instant earliest = null;
    for (XmlTimestamp t : simple.getSignatureTimestamps(signatureId)) {
      Date at = t.getProductionTime();
      if (t.getIndication() == Indication.PASSED
          && at != null
          && (earliest == null || at.toInstant().isBefore(earliest))) {
        earliest = at.toInstant();
      }
    }
    return earliest;
  }
}
