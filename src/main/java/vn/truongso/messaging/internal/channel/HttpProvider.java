package vn.truongso.messaging.internal.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.messaging.internal.MessageRules;

/** A provider's JSON-over-HTTPS call, shared by the SMS and Zalo adapters. */
final class HttpProvider {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpProvider() {}

  /** The provider's JSON answer, or the outcome when the HTTP status already decides it. */
  record Answer(int status, JsonNode body) {}

  static Answer post(String url, Map<String, String> headers, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json; charset=utf-8");
    headers.forEach(b::header);
    HttpResponse<String> r =
        HTTP.send(
            b.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = JSON.readTree(r.body().isBlank() ? "{}" : r.body());
    } catch (RuntimeException e) {
      json = JSON.createObjectNode();
    }
    return new Answer(r.statusCode(), json);
  }

  /** What an HTTP status other than 2xx means. */
  static Channel.Outcome fromStatus(int status) {
    String error = "provider answered HTTP " + status;
    return MessageRules.retryable(status)
        ? new Channel.Outcome.Retry(error)
        : new Channel.Outcome.Failed(error);
  }

  /** A Vietnamese mobile number in the international form providers want: 0912… → 84912…. */
  static String international(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    return digits.startsWith("0") ? "84" + digits.substring(1) : digits;
  }

  static String preview(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
