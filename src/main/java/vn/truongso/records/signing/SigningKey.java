package vn.truongso.records.signing;

import eu.europa.esig.dss.token.AbstractKeyStoreTokenConnection;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.security.KeyStore;
import java.util.List;

/**
 * A signer's key opened for one signing session: a personal PKCS#12 file with its PIN (held only
 * while the batch is signed, then closed). Hardware tokens over PKCS#11 and remote signing services
 * open the same way behind this type.
 */
public final class SigningKey implements AutoCloseable {

  private final AbstractKeyStoreTokenConnection token;
  private final DSSPrivateKeyEntry entry;

  private SigningKey(AbstractKeyStoreTokenConnection token, DSSPrivateKeyEntry entry) {
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

  AbstractKeyStoreTokenConnection token() {
    return token;
  }

  DSSPrivateKeyEntry entry() {
    return entry;
  }

  /** The signer's certificate, as the signature will name it. */
  public java.security.cert.X509Certificate certificate() {
    return entry.getCertificate().getCertificate();
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
  }
}
