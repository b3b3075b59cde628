package vn.truongso.records.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signing service that holds the signer's key itself (cloud signing, as Vietnamese CAs offer it
 * besides USB tokens): the key never leaves the CA; we send the digest of what is to be signed with
 * the signer's PIN or OTP and get the signature value back. Modelled on the Cloud Signature
 * Consortium API ({@code credentials/info}, {@code credentials/authorize}, {@code
 * signatures/signHash}); {@link CscRemoteSigningService} speaks it over HTTP.
 */
public interface RemoteSigningService {

  /**
   * The credential's certificate, then its issuers.
   *
   * @throws UnavailableException when the service cannot be reached or answers with an error
   */
  List<X509Certificate> certificateChain(String credentialId);

  /**
   * The raw signature value of one digest, made by the credential's key (for RSA: PKCS#1 v1.5 over
   * the digest's DigestInfo, as {@code sha256WithRSAEncryption} defines it).
   *
   * @throws SigningKey.WrongPinException when the service refuses the PIN or OTP
   * @throws UnavailableException when the service cannot be reached or answers with an error
   */
  byte[] signDigest(String credentialId, char[] pin, DigestAlgorithm algorithm, byte[] digest);

  /** The service could not be reached, or refused the request for a reason other than the PIN. */
  final class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }

    public UnavailableException(String message) {
      super(message);
    }
  }
}
