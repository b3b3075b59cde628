package vn.truongso.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 time-stamping authority on an ephemeral local port, for signature tests: it
 * answers {@code POST /tsa} (a DER TimeStampReq) with a token signed by its own certificate, issued
 * by the test CA with extendedKeyUsage timeStamping (critical), its time from the given clock. The
 * same server publishes the CA's CRL at {@code /ca.crl} (empty: nothing revoked), so that a B-LT
 * signature finds revocation data. Either can be switched off to test a failure.
 */
public final class TestTimestampAuthority implements AutoCloseable {

  private static final ASN1ObjectIdentifier POLICY =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

  private final HttpServer server;
  private final TestCertificates ca;
  private final Clock clock;
  private final TestCertificates.Issued tsa;
  private final AtomicInteger serial = new AtomicInteger();
  private volatile boolean stamping = true;
  private volatile boolean publishingCrl = true;

  /** Starts the server; the TSA's certificate is valid from {@code from} for ten years. */
  public TestTimestampAuthority(TestCertificates ca, Instant from, Clock clock) throws IOException {
    this(ca, from, 3650, clock);
  }

  /** Starts the server; the TSA's certificate is valid from {@code from} for {@code days}. */
  public TestTimestampAuthority(TestCertificates ca, Instant from, int days, Clock clock)
      throws IOException {
    this.ca = ca;
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tsa = ca.issueTimestamping("TruongSo TEST TSA (not for real use)", from, days, crlUrl());
    server.createContext("/tsa", this::stamp);
    server.createContext("/ca.crl", this::crl);
    server.start();
  }

  /** The RFC 3161 URL, as {@code truongso.signing.tsa-url} takes it. */
  public String url() {
    return base() + "tsa";
  }

  /** Where the CA's CRL is published: put it in the certificates as their distribution point. */
  public URI crlUrl() {
    return URI.create(base() + "ca.crl");
  }

  public X509Certificate certificate() {
    return tsa.certificate();
  }

  /** How many time-stamps were given. */
  public int stamped() {
    return serial.get();
  }

  /** {@code false}: answer every time-stamp request with HTTP 500. */
  public void stamping(boolean on) {
    stamping = on;
  }

  /** {@code false}: the CRL is not found (404). */
  public void publishingCrl(boolean on) {
    publishingCrl = on;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void stamp(HttpExchange x) throws IOException {
    try (x) {
      if (!stamping || !x.getRequestMethod().equals("POST")) {
        x.sendResponseHeaders(500, -1);
        return;
      }
      TimeStampRequest request = new TimeStampRequest(x.getRequestBody().readAllBytes());
      TimeStampTokenGenerator tokens =
          new TimeStampTokenGenerator(
              new JcaSimpleSignerInfoGeneratorBuilder()
                  .build("SHA256withRSA", tsa.key(), tsa.certificate()),
              new JcaDigestCalculatorProviderBuilder()
                  .build()
                  .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
              POLICY);
      tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), ca.ca())));
      TimeStampResponse response =
          new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
              .generate(
                  request,
                  BigInteger.valueOf(serial.incrementAndGet()),
                  Date.from(clock.instant()));
      send(x, "application/timestamp-reply", response.getEncoded());
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private void crl(HttpExchange x) throws IOException {
    try (x) {
      if (!publishingCrl) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      Instant now = clock.instant();
      send(x, "application/pkix-crl", ca.emptyCrl(now, now.plus(Duration.ofDays(7))));
    }
  }

  private static void send(HttpExchange x, String type, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(200, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
