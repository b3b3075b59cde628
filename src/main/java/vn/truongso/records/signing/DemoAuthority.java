package vn.truongso.records.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo's certificate authority: a CA whose name says it is a demo of no legal value, and the
 * signing certificates it issues to the demo's teachers and school as PKCS#12 files, so that a
 * newcomer can sign a học bạ without a real CA. Nothing outside the demo uses it.
 */
public final class DemoAuthority {

  /** The CA's name, in the chain of every demo signature. */
  public static final String NAME = "TruongSo DEMO CA - demo only, no legal value";

  private static final Duration VALIDITY = Duration.ofDays(5 * 366);
  private final SecureRandom random = new SecureRandom();
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final Instant from;

  /** A new CA valid from {@code from} (a day before now, so clocks a little apart agree). */
  public DemoAuthority(Instant from) {
    this.from = from;
    caKeys = keys();
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, NAME).build();
    ca = certificate(name, caKeys, name, true);
  }

  /** A signing certificate for {@code commonName} (organisation {@code organisation} if any). */
  public Issued issue(String commonName, String organisation, char[] pin) {
    KeyPair keys = keys();
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName);
    if (!organisation.isEmpty()) {
      subject.addRDN(BCStyle.O, organisation);
    }
    X509Certificate cert =
        certificate(
            subject.build(),
            keys,
            new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, NAME).build(),
            false);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("signer", keys.getPrivate(), pin, new X509Certificate[] {cert, ca});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, pin);
      return new Issued(cert, out.toByteArray());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate and its PKCS#12 file (key and chain, encrypted by the PIN). */
  public record Issued(X509Certificate certificate, byte[] pkcs12) {}

  private X509Certificate certificate(
      X500Name subject, KeyPair subjectKeys, X500Name issuer, boolean authority) {
    try {
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(63, random),
              Date.from(from),
              Date.from(from.plus(VALIDITY)),
              subject,
              subjectKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      int usage =
          authority
              ? KeyUsage.keyCertSign | KeyUsage.cRLSign
              : KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
