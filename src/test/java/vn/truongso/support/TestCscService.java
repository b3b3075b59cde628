package vn.truongso.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny remote signing service in the Cloud Signature Consortium's style, on an ephemeral local
 * port, holding one credential (a key and certificate from {@link TestCertificates}): {@code
 * credentials/info} gives the chain, {@code credentials/authorize} turns the right PIN for given
 * digests into a one-time SAD (a wrong PIN: HTTP 400 {@code invalid_pin}), {@code
 * signatures/signHash} signs exactly those digests (RSA PKCS#1 v1.5 over the DigestInfo). Every
 * call needs the bearer token.
 */
public final class TestCscService implements AutoCloseable {

  public static final String TOKEN = "test-access-token";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final String credentialId;
  private final String pin;
  private final TestCertificates.Issued signer;
  private final X509Certificate ca;
  private final Map<String, List<String>> authorised = new ConcurrentHashMap<>();
  private final AtomicInteger signed = new AtomicInteger();

  public TestCscService(
      String credentialId, String pin, TestCertificates.Issued signer, X509Certificate ca)
      throws IOException {
    this.credentialId = credentialId;
    this.pin = pin;
    this.signer = signer;
    this.ca = ca;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/csc/v2/", this::handle);
    server.start();
  }

  /** The API's root, for {@code CscRemoteSigningService}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2/");
  }

  /** How many digests were signed. */
  public int signed() {
    return signed.get();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
        send(x, 401, Map.of("error", "invalid_token"));
        return;
      }
      JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
      if (!credentialId.equals(body.path("credentialID").asString(""))) {
        send(
            x,
            400,
            Map.of("error", "invalid_request", "error_description", "Invalid credentialID"));
        return;
      }
      String path = x.getRequestURI().getPath().substring("/csc/v2/".length());
      switch (path) {
        case "credentials/info" -> send(x, 200, info());
        case "credentials/authorize" -> authorize(x, body);
        case "signatures/signHash" -> signHash(x, body);
        default -> send(x, 404, Map.of("error", "invalid_request"));
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private Map<String, Object> info() throws CertificateEncodingException {
    return Map.of(
        "key",
        Map.of("status", "enabled", "algo", List.of("1.2.840.113549.1.1.11"), "len", 2048),
        "cert",
        Map.of(
            "status",
            "valid",
            "certificates",
            List.of(
                Base64.getEncoder().encodeToString(signer.certificate().getEncoded()),
                Base64.getEncoder().encodeToString(ca.getEncoded()))),
        "authMode",
        "explicit");
  }

  private void authorize(HttpExchange x, JsonNode body) throws IOException {
    if (!pin.equals(body.path("PIN").asString(""))) {
      send(x, 400, Map.of("error", "invalid_pin", "error_description", "The PIN is invalid"));
      return;
    }
    List<String> hashes = new ArrayList<>();
    body.path("hashes").forEach(h -> hashes.add(h.asString()));
    String sad = UUID.randomUUID().toString();
    authorised.put(sad, hashes);
    send(x, 200, Map.of("SAD", sad));
  }

  private void signHash(HttpExchange x, JsonNode body) throws Exception {
    List<String> allowed = authorised.remove(body.path("SAD").asString(""));
    List<String> signatures = new ArrayList<>();
    ASN1ObjectIdentifier hashAlgorithm =
        new ASN1ObjectIdentifier(body.path("hashAlgorithmOID").asString());
    for (JsonNode h : body.path("hashes")) {
      if (allowed == null || !allowed.contains(h.asString())) {
        send(x, 400, Map.of("error", "invalid_request", "error_description", "Invalid SAD"));
        return;
      }
      Signature rsa = Signature.getInstance("NONEwithRSA");
      rsa.initSign(signer.key());
      rsa.update(
          new DigestInfo(
                  new AlgorithmIdentifier(hashAlgorithm, DERNull.INSTANCE),
                  Base64.getDecoder().decode(h.asString()))
              .getEncoded());
      signatures.add(Base64.getEncoder().encodeToString(rsa.sign()));
      signed.incrementAndGet();
    }
    send(x, 200, Map.of("signatures", signatures));
  }

  private static void send(HttpExchange x, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
