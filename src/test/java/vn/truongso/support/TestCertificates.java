package vn.truongso.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
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
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

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
            "CN=TruongSo TEST CA (not for real use)",
            caKeys,
            null,
            caKeys,
            from,
            3650,
            true,
            true,
            b -> {});
  }

  public X509Certificate ca() {
    return ca;
  }

  /** A signer's PKCS#12 file: the key and the certificate issued by this CA. */
  public Issued issue(String commonName, String pin, Instant from, int days, boolean signing) {
    return issue(commonName, pin, from, days, signing, b -> {});
  }

  /**
   * As {@link #issue(String, String, Instant, int, boolean)}, the certificate naming the URL where
   * this CA's CRL is published (CRL distribution point), so that a B-LT signature can fetch it.
   */
  public Issued issue(
      String commonName, String pin, Instant from, int days, boolean signing, URI crl) {
    return issue(commonName, pin, from, days, signing, b -> crlDistributionPoint(b, crl));
  }

  /**
   * A time-stamping authority's certificate: digital signature only, extended key usage
   * timeStamping marked critical (RFC 3161 §2.3), optionally with a CRL distribution point.
   */
  public Issued issueTimestamping(String commonName, Instant from, int days, @Nullable URI crl) {
    return issue(
        commonName,
        "tsa",
        from,
        days,
        true,
        b -> {
          b.addExtension(
              Extension.extendedKeyUsage,
              true,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
          if (crl != null) {
            crlDistributionPoint(b, crl);
          }
        });
  }

  /** This CA's CRL revoking nothing, DER-encoded. */
  public byte[] emptyCrl(Instant thisUpdate, Instant nextUpdate) {
    try {
      X509v2CRLBuilder b =
          new X509v2CRLBuilder(
              new X500Name(ca.getSubjectX500Principal().getName()), Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      b.addExtension(
          Extension.cRLNumber,
          false,
          new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
      return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void crlDistributionPoint(JcaX509v3CertificateBuilder b, URI crl)
      throws CertIOException {
    GeneralNames names =
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()));
    b.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(new DistributionPointName(names), null, null)
            }));
  }

  private interface Extensions {
    void add(JcaX509v3CertificateBuilder b) throws CertIOException;
  }

  private Issued issue(
      String commonName, String pin, Instant from, int days, boolean signing, Extensions more) {
    KeyPair keys = keys();
    X509Certificate cert =
        certificate("CN=" + commonName, keys, ca, caKeys, from, days, false, signing, more);
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
      boolean signing,
      Extensions more) {
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
      more.add(b);
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
