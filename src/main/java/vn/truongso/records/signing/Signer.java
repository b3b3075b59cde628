package vn.truongso.records.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.AbstractSignatureService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs the official records: PAdES on a PDF, XAdES enveloped on an XML document, SHA-256, the
 * signing time from the clock. At baseline B (B-B) the signing time is only the signer's claim;
 * with a time-stamping authority ({@code truongso.signing.tsa-url}) the signature is B-T, a TSA's
 * token proving it existed then; at B-LT the CAs' revocation data is embedded too, so that the
 * signature can still be checked when the CA's servers are gone. A TSA that fails fails the signing
 * (nothing half-signed is returned); revocation data that cannot be fetched leaves the signature at
 * B-T, and {@link Signed} says so.
 */
@Service
public class Signer {

  private static final Logger log = LoggerFactory.getLogger(Signer.class);

  /** The baseline levels of ETSI EN 319 142 (PAdES) and EN 319 132 (XAdES) we sign at. */
  public enum Level {
    B,
    T,
    LT
  }

  /**
   * A signed document and the level it reached; {@code shortfall} says why it is below the level
   * asked for (only B-LT falls back, to B-T), {@code null} when it is not.
   */
  public record Signed(byte[] bytes, Level level, @Nullable String shortfall) {}

  /** The time-stamping authority gave no time-stamp: the document was not signed. */
  public static final class TimestampUnavailableException extends RuntimeException {
    TimestampUnavailableException(String url, Throwable cause) {
      super(
          "the time-stamping authority " + url + " gave no time-stamp: " + cause.getMessage(),
          cause);
    }
  }

  private final Clock clock;
  private final Level level;
  // built once: each holds an HTTP client pool that every signature of a batch reuses
  private final @Nullable TSPSource timestamps;
  private final @Nullable CertificateVerifier revocation;

  /** Baseline B, no network. */
  public Signer(Clock clock) {
    this(clock, null, Level.B);
  }

  /**
   * @param tsaUrl the TSA's RFC 3161 URL, needed at T and LT
   * @throws IllegalArgumentException when T or LT is asked for without a TSA
   */
  public Signer(Clock clock, @Nullable String tsaUrl, Level level) {
    if (level != Level.B && tsaUrl == null) {
      throw new IllegalArgumentException(
          "truongso.signing.level=" + level + " needs truongso.signing.tsa-url");
    }
    this.clock = clock;
    this.level = level;
    this.timestamps = level == Level.B || tsaUrl == null ? null : OnlineSources.timestamps(tsaUrl);
    this.revocation = level == Level.LT ? OnlineSources.revocation() : null;
  }

  /** The configured signer: T when a TSA is set and no level is, else the level asked for. */
  @Autowired
  Signer(
      Clock clock,
      @Value("${truongso.signing.tsa-url:}") String tsaUrl,
      @Value("${truongso.signing.level:}") String level) {
    this(clock, tsaUrl.isBlank() ? null : tsaUrl.strip(), level(level, !tsaUrl.isBlank()));
  }

  static Level level(String configured, boolean tsa) {
    if (configured.isBlank()) {
      return tsa ? Level.T : Level.B;
    }
    try {
      return Level.valueOf(configured.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "truongso.signing.level must be B, T or LT, not " + configured, e);
    }
  }

  /** The level this signer aims at. */
  public Level level() {
    return level;
  }

  /** The PDF with one more PAdES signature; {@code reason} is printed in the signature's panel. */
  public byte[] signPdf(byte[] pdf, SigningKey key, String reason, String location) {
    return pdf(pdf, key, reason, location).bytes();
  }

  /** The XML document with an enveloped XAdES signature as the root's last child. */
  public byte[] signXml(byte[] xml, SigningKey key) {
    return xml(xml, key).bytes();
  }

  /**
   * As {@link #signPdf}, with the level reached.
   *
   * @throws TimestampUnavailableException at T or LT when the TSA fails
   */
  public Signed pdf(byte[] pdf, SigningKey key, String reason, String location) {
    Date at = Date.from(clock.instant());
    return sign(
        PAdESService::new,
        new InMemoryDocument(pdf),
        key,
        l -> {
          PAdESSignatureParameters p = new PAdESSignatureParameters();
          p.setSignatureLevel(
              switch (l) {
                case B -> SignatureLevel.PAdES_BASELINE_B;
                case T -> SignatureLevel.PAdES_BASELINE_T;
                case LT -> SignatureLevel.PAdES_BASELINE_LT;
              });
          p.setReason(reason);
          p.setLocation(location);
          return common(p, key, at);
        });
  }

  /**
   * As {@link #signXml}, with the level reached.
   *
   * @throws TimestampUnavailableException at T or LT when the TSA fails
   */
  public Signed xml(byte[] xml, SigningKey key) {
    Date at = Date.from(clock.instant());
    return sign(
        XAdESService::new,
        new InMemoryDocument(xml),
        key,
        l -> {
          XAdESSignatureParameters p = new XAdESSignatureParameters();
          p.setSignatureLevel(
              switch (l) {
                case B -> SignatureLevel.XAdES_BASELINE_B;
                case T -> SignatureLevel.XAdES_BASELINE_T;
                case LT -> SignatureLevel.XAdES_BASELINE_LT;
              });
          p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
          return common(p, key, at);
        });
  }

  private static <P extends AbstractSignatureParameters<?>> P common(P p, SigningKey key, Date at) {
    p.setDigestAlgorithm(DigestAlgorithm.SHA256);
    p.bLevel().setSigningDate(at);
    p.setSigningCertificate(key.entry().getCertificate());
    p.setCertificateChain(key.entry().getCertificateChain());
    return p;
  }

  /**
   * Signs at B or T with one use of the key, then, for LT, augments the signed document with the
   * revocation data; the key is never asked twice, so a fallback costs no second PIN or OTP.
   */
  private <P extends AbstractSignatureParameters<?>> Signed sign(
      Function<CertificateVerifier, AbstractSignatureService<P, ?>> services,
      DSSDocument doc,
      SigningKey key,
      Function<Level, P> params) {
    Level first = level == Level.B ? Level.B : Level.T;
    AbstractSignatureService<P, ?> service = services.apply(new CommonCertificateVerifier());
    if (timestamps != null) {
      service.setTspSource(timestamps);
    }
    P p = params.apply(first);
    ToBeSigned data = service.getDataToSign(doc, p);
    SignatureValue value = key.token().sign(data, p.getDigestAlgorithm(), key.entry());
    DSSDocument signed;
    try {
      signed = service.signDocument(doc, p, value);
    } catch (RuntimeException e) {
      throw timestampFailureIn(e);
    }
    if (level != Level.LT || revocation == null || timestamps == null) {
      return new Signed(bytes(signed), first, null);
    }
    AbstractSignatureService<P, ?> augmenting = services.apply(revocation);
    augmenting.setTspSource(timestamps);
    try {
      return new Signed(
          bytes(augmenting.extendDocument(signed, params.apply(Level.LT))), Level.LT, null);
    } catch (RuntimeException e) {
      log.warn("B-LT not reached, the signature stays at B-T: {}", e.getMessage());
      return new Signed(bytes(signed), Level.T, "revocation data unavailable: " + e.getMessage());
    }
  }

  /** DSS may wrap the TSA's failure; the caller should see it as such. */
  private static RuntimeException timestampFailureIn(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimestampUnavailableException tsa) {
        return tsa;
      }
    }
    return e;
  }

  private static byte[] bytes(DSSDocument d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      d.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
