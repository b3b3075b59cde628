package vn.truongso.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for signature tests, clearly named as such: a CA and the
 * certificates it issues to named signers, with the key usage a signature needs (or not, to test a
 * refusal), valid from {@code from} for {@code days}, and the signer's key as a PKCS#12 file.
 */
public final class TestCertificates {

  private final KeyPair caKeys;
  private final X509Certificate ca;

  public TestCertificates(Instant from) {
    caKeys = keys();
    ca =
        certificate(
            "CN=TruongSo TEST CA (not for real use)", caKeys, null, caKeys, from, 3650, true, true);
  }

  public X509Certificate ca() {
    return ca;
  }

  /** A signer's PKCS#12 file: the key and the certificate issued by this CA. */
  public Issued issue(String commonName, String pin, Instant from, int days, boolean signing) {
    KeyPair keys = keys();
    X509Certificate cert =
        certificate("CN=" + commonName, keys, ca, caKeys, from, days, false, signing);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "signer", keys.getPrivate(), pin.toCharArray(), new X509Certificate[] {cert, ca});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, pin.toCharArray());
      return new Issued(cert, out.toByteArray(), keys.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public record Issued(X509Certificate certificate, byte[] pkcs12, PrivateKey key) {}

  private static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(
      String subject,
      KeyPair subjectKeys,
      X509Certificate issuer,
      KeyPair issuerKeys,
      Instant from,
      int days,
      boolean authority,
      boolean signing) {
    try {
      X500Name issuerName =
          issuer == null
              ? new X500Name(subject)
              : new X500Name(issuer.getSubjectX500Principal().getName());
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(from.toEpochMilli() ^ subject.hashCode()).abs(),
              Date.from(from),
              Date.from(from.plus(days, ChronoUnit.DAYS)),
              new X500Name(subject),
              subjectKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      int usage =
          authority
              ? KeyUsage.keyCertSign | KeyUsage.cRLSign
              : signing
                  ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation
                  : KeyUsage.keyEncipherment;
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
