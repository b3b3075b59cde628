package vn.truongso.records.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.Digest;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * A remote signing service's credential as a DSS token: the library hands it the bytes to be
 * signed, it digests them here and sends only the digest away. It holds a copy of the PIN until
 * closed.
 */
final class RemoteToken implements SignatureTokenConnection {

  private final RemoteSigningService service;
  private final String credentialId;
  private final char[] pin;
  private final Entry entry;

  RemoteToken(RemoteSigningService service, String credentialId, char[] pin) {
    this.service = service;
    this.credentialId = credentialId;
    List<X509Certificate> chain = service.certificateChain(credentialId);
    if (chain.isEmpty()) {
      throw new RemoteSigningService.UnavailableException(
          "the service gave no certificate for credential " + credentialId);
    }
    this.pin = pin.clone();
    this.entry = new Entry(chain.stream().map(CertificateToken::new).toList());
  }

  DSSPrivateKeyEntry entry() {
    return entry;
  }

  @Override
  public List<DSSPrivateKeyEntry> getKeys() {
    return List.of(entry);
  }

  @Override
  public SignatureValue sign(ToBeSigned data, DigestAlgorithm algorithm, DSSPrivateKeyEntry key) {
    return signDigest(new Digest(algorithm, digest(algorithm, data.getBytes())), key);
  }

  @Override
  public SignatureValue sign(
      ToBeSigned data, SignatureAlgorithm algorithm, DSSPrivateKeyEntry key) {
    return sign(data, algorithm.getDigestAlgorithm(), key);
  }

  @Override
  public SignatureValue signDigest(Digest digest, DSSPrivateKeyEntry key) {
    byte[] value = service.signDigest(credentialId, pin, digest.getAlgorithm(), digest.getValue());
    return new SignatureValue(
        SignatureAlgorithm.getAlgorithm(entry.getEncryptionAlgorithm(), digest.getAlgorithm()),
        value);
  }

  @Override
  public SignatureValue signDigest(
      Digest digest, SignatureAlgorithm algorithm, DSSPrivateKeyEntry key) {
    return signDigest(digest, key);
  }

  @Override
  public void close() {
    Arrays.fill(pin, '\0');
  }

  private static byte[] digest(DigestAlgorithm algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm.getJavaName()).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Entry implements DSSPrivateKeyEntry {
    private final List<CertificateToken> chain;

    Entry(List<CertificateToken> chain) {
      this.chain = chain;
    }

    @Override
    public CertificateToken getCertificate() {
      return chain.getFirst();
    }

    @Override
    public CertificateToken[] getCertificateChain() {
      return chain.toArray(CertificateToken[]::new);
    }

    @Override
    public EncryptionAlgorithm getEncryptionAlgorithm() {
      return EncryptionAlgorithm.forKey(getCertificate().getPublicKey());
    }
  }
}
