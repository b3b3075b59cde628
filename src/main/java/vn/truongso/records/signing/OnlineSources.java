package vn.truongso.records.signing;

import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

/**
 * The network the signatures above B-B need: the time-stamping authority (RFC 3161 over HTTP) for
 * B-T, and the CAs' CRLs and OCSP responders for B-LT, with time limits so that a dead server fails
 * a signing within seconds rather than hanging a batch.
 */
final class OnlineSources {

  private static final int CONNECT_MILLIS = 10_000;
  private static final int ANSWER_MILLIS = 30_000;

  private OnlineSources() {}

  /**
   * The TSA as DSS's online source, any failure of which (no answer, an error status, a response
   * that is no time-stamp) becomes a {@link Signer.TimestampUnavailableException}.
   */
  static TSPSource timestamps(String url) {
    OnlineTSPSource online = new OnlineTSPSource(url, limited(new TimestampDataLoader()));
    return (algorithm, digest) -> {
      try {
        return online.getTimeStampResponse(algorithm, digest);
      } catch (DSSException | IllegalStateException e) {
        throw new Signer.TimestampUnavailableException(url, e);
      }
    };
  }

  /**
   * A verifier that fetches the revocation data of every certificate of the chain (ours reach no
   * configured trust anchor, so "untrusted chains" too) and refuses to go on without it.
   */
  static CommonCertificateVerifier revocation() {
    CommonCertificateVerifier v = new CommonCertificateVerifier();
    v.setCrlSource(new OnlineCRLSource(limited(new CommonsDataLoader())));
    v.setOcspSource(new OnlineOCSPSource(limited(new OCSPDataLoader())));
    v.setCheckRevocationForUntrustedChains(true);
    v.setAlertOnMissingRevocationData(new ExceptionOnStatusAlert());
    return v;
  }

  private static <L extends CommonsDataLoader> DataLoader limited(L loader) {
    loader.setTimeoutConnection(CONNECT_MILLIS);
    loader.setTimeoutConnectionRequest(CONNECT_MILLIS);
    loader.setTimeoutResponse(ANSWER_MILLIS);
    loader.setTimeoutSocket(ANSWER_MILLIS);
    return loader;
  }
}
