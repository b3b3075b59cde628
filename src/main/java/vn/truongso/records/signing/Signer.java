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
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Service;

/**
 * Signs the official records at baseline B (B-B): PAdES on a PDF, XAdES enveloped on an XML
 * document, SHA-256, the signing time from the clock. A time-stamping authority (B-T) and
 * revocation data (B-LT) add to these when configured; the format stays the standard's.
 */
@Service
public class Signer {

  private final Clock clock;

  public Signer(Clock clock) {
    this.clock = clock;
  }

  /** The PDF with one more PAdES signature; {@code reason} is printed in the signature's panel. */
  public byte[] signPdf(byte[] pdf, SigningKey key, String reason, String location) {
    PAdESSignatureParameters p = new PAdESSignatureParameters();
    p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
    p.setDigestAlgorithm(DigestAlgorithm.SHA256);
    p.setReason(reason);
    p.setLocation(location);
    p.bLevel().setSigningDate(Date.from(clock.instant()));
    p.setSigningCertificate(key.entry().getCertificate());
    p.setCertificateChain(key.entry().getCertificateChain());
    PAdESService service = new PAdESService(new CommonCertificateVerifier());
    DSSDocument doc = new InMemoryDocument(pdf);
    ToBeSigned data = service.getDataToSign(doc, p);
    SignatureValue value = key.token().sign(data, p.getDigestAlgorithm(), key.entry());
    return bytes(service.signDocument(doc, p, value));
  }

  /** The XML document with an enveloped XAdES signature as the root's last child. */
  public byte[] signXml(byte[] xml, SigningKey key) {
    XAdESSignatureParameters p = new XAdESSignatureParameters();
    p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
    p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
    p.setDigestAlgorithm(DigestAlgorithm.SHA256);
    p.bLevel().setSigningDate(Date.from(clock.instant()));
    p.setSigningCertificate(key.entry().getCertificate());
    p.setCertificateChain(key.entry().getCertificateChain());
    XAdESService service = new XAdESService(new CommonCertificateVerifier());
    DSSDocument doc = new InMemoryDocument(xml);
    ToBeSigned data = service.getDataToSign(doc, p);
    SignatureValue value = key.token().sign(data, p.getDigestAlgorithm(), key.entry());
    return bytes(service.signDocument(doc, p, value));
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
