package vn.truongso.records.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signer's key opened for one signing session: a personal PKCS#12 file with its PIN, a hardware
 * token over PKCS#11, or a credential at a remote signing service whose key never leaves the CA
 * (the PIN held only while the batch is signed, then closed). All three are a DSS token connection
 * and its key entry, so that {@link Signer} signs through any of them the same way.
 */
public final class SigningKey implements AutoCloseable {

  private final SignatureTokenConnection token;
  private final DSSPrivateKeyEntry entry;

  private SigningKey(SignatureTokenConnection token, DSSPrivateKeyEntry entry) {
    this.token = token;
    this.entry = entry;
  }

  /**
   * Opens the first key of a PKCS#12 file.
   *
   * @throws WrongPinException when the PIN does not open the file
   */
  public static SigningKey pkcs12(byte[] file, char[] pin) {
    Pkcs12SignatureToken token;
    List<DSSPrivateKeyEntry> keys;
    try {
      token = new Pkcs12SignatureToken(file, new KeyStore.PasswordProtection(pin));
      keys = token.getKeys();
    } catch (RuntimeException e) {
      throw new WrongPinException(e);
    }
    if (keys.isEmpty()) {
      token.close();
      throw new IllegalArgumentException("no key in the PKCS#12 file");
    }
    return new SigningKey(token, keys.getFirst());
  }

  /**
   * Opens the first key of a hardware token over PKCS#11 (a CA's USB token, or SoftHSM2 in tests).
   * The token is named by its position in the slot list, since a token's slot id may be anything
   * (SoftHSM2 gives a random one).
   *
   * @param library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
   * @throws WrongPinException when the token refuses the PIN
   */
  public static SigningKey pkcs11(String library, int slotListIndex, char[] pin) {
    Pkcs11SignatureToken token =
        new Pkcs11SignatureToken(library, () -> pin.clone(), -1, slotListIndex, null);
    List<DSSPrivateKeyEntry> keys;
    try {
      keys = token.getKeys();
    } catch (RuntimeException e) {
      token.close();
      throw new WrongPinException(e);
    }
    if (keys.isEmpty()) {
      token.close();
      throw new IllegalArgumentException("no key on the token");
    }
    return new SigningKey(token, keys.getFirst());
  }

  /**
   * A credential at a remote signing service (cloud signing by a CA, CSC-style): the certificate
   * chain is read now, and each signature sends only a digest with the PIN or OTP.
   *
   * @throws WrongPinException when the service refuses the PIN (at the first signature: the service
   *     checks it only when it is asked to sign)
   * @throws RemoteSigningService.UnavailableException when the service cannot be reached
   */
  public static SigningKey remote(RemoteSigningService service, String credentialId, char[] pin) {
    RemoteToken token = new RemoteToken(service, credentialId, pin);
    return new SigningKey(token, token.entry());
  }

  SignatureTokenConnection token() {
    return token;
  }

  DSSPrivateKeyEntry entry() {
    return entry;
  }

  /** The signer's certificate, as the signature will name it. */
  public X509Certificate certificate() {
    return entry.getCertificate().getCertificate();
  }

  /** The signer's certificate first, then its issuers as the key's holder gives them. */
  public List<X509Certificate> chain() {
    return java.util.Arrays.stream(entry.getCertificateChain())
        .map(CertificateToken::getCertificate)
        .toList();
  }

  @Override
  public void close() {
    token.close();
  }

  /** The PIN (or password) did not open the key. */
  public static final class WrongPinException extends RuntimeException {
    WrongPinException(Throwable cause) {
      super("the PIN does not open the key", cause);
    }

    public WrongPinException(String message) {
      super(message);
    }
  }
}
