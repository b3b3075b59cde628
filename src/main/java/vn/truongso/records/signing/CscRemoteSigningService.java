package vn.truongso.records.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A remote signing service speaking a minimal subset of the Cloud Signature Consortium API v2 as
 * JSON over HTTP(S): {@code POST credentials/info} (the certificate chain), {@code POST
 * credentials/authorize} (the PIN, or OTP, for one digest gives a signature activation datum, SAD)
 * and {@code POST signatures/signHash} (the SAD and the digest give the signature). An access token
 * from the CA's own sign-in (OAuth), when it needs one, goes as a bearer token. The service refuses
 * a wrong PIN with HTTP 4xx and an {@code error} of {@code invalid_pin} or {@code invalid_otp} (or
 * a description naming the PIN or OTP). A Vietnamese CA's dialect may differ in names: this is the
 * shape to adapt, not a certified client.
 */
public final class CscRemoteSigningService implements RemoteSigningService {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final @Nullable String accessToken;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param base the API's root ending in a slash, e.g. {@code https://ca.example/csc/v2/}
   * @param accessToken the bearer token, or {@code null} when the service asks for none
   */
  public CscRemoteSigningService(URI base, @Nullable String accessToken, Duration timeout) {
    this.base = base;
    this.accessToken = accessToken;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public List<X509Certificate> certificateChain(String credentialId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("credentialID", credentialId);
    body.put("certificates", "chain");
    JsonNode answer = post("credentials/info", body);
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (JsonNode c : answer.path("cert").path("certificates")) {
        chain.add(
            (X509Certificate)
                x509.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(c.asString()))));
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw new UnavailableException("the service sent an unreadable certificate", e);
    }
    return chain;
  }

  @Override
  public byte[] signDigest(
      String credentialId, char[] pin, DigestAlgorithm algorithm, byte[] digest) {
    String hash = Base64.getEncoder().encodeToString(digest);
    Map<String, Object> authorize = new LinkedHashMap<>();
    authorize.put("credentialID", credentialId);
    authorize.put("numSignatures", 1);
    authorize.put("hashes", List.of(hash));
    authorize.put("hashAlgorithmOID", algorithm.getOid());
    authorize.put("PIN", new String(pin));
    String sad = post("credentials/authorize", authorize).path("SAD").asString("");
    if (sad.isEmpty()) {
      throw new UnavailableException("the service authorised the signature without a SAD");
    }
    Map<String, Object> sign = new LinkedHashMap<>();
    sign.put("credentialID", credentialId);
    sign.put("SAD", sad);
    sign.put("hashes", List.of(hash));
    sign.put("hashAlgorithmOID", algorithm.getOid());
    sign.put("signAlgo", signAlgorithm(credentialId, algorithm).getOid());
    JsonNode signatures = post("signatures/signHash", sign).path("signatures");
    if (signatures.size() != 1) {
      throw new UnavailableException("the service returned " + signatures.size() + " signatures");
    }
    try {
      return Base64.getDecoder().decode(signatures.get(0).asString());
    } catch (IllegalArgumentException e) {
      throw new UnavailableException("the service sent an unreadable signature", e);
    }
  }

  private SignatureAlgorithm signAlgorithm(String credentialId, DigestAlgorithm digest) {
    X509Certificate signer = certificateChain(credentialId).getFirst();
    return SignatureAlgorithm.getAlgorithm(
        EncryptionAlgorithm.forKey(signer.getPublicKey()), digest);
  }

  private JsonNode post(String path, Map<String, Object> body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UnavailableException("the signing service cannot be reached at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while waiting for the signing service", e);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (JacksonException e) {
      answer = JSON.createObjectNode();
    }
    if (response.statusCode() / 100 == 2) {
      return answer;
    }
    String error = answer.path("error").asString("");
    String description = answer.path("error_description").asString("");
    if (response.statusCode() / 100 == 4 && refusesThePin(error, description)) {
      throw new SigningKey.WrongPinException("the signing service refused the PIN: " + description);
    }
    throw new UnavailableException(
        "the signing service answered "
            + response.statusCode()
            + (error.isEmpty() ? "" : " " + error)
            + (description.isEmpty() ? "" : ": " + description));
  }

  private static boolean refusesThePin(String error, String description) {
    String d = description.toLowerCase(Locale.ROOT);
    return error.equals("invalid_pin")
        || error.equals("invalid_otp")
        || d.contains("pin")
        || d.contains("otp");
  }
}
