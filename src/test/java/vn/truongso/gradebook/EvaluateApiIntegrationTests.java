package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/assessment/evaluate}: open without a token, stores nothing; the examples in
 * the OpenAPI description are what it answers today.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluateApiIntegrationTests {

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "tt22-good, 200",
    "tt22-retest, 200",
    "tt58-good, 200",
    "tt27-good, 200",
    "tt27-supplementary, 200",
    "invalid, 400"
  })
  void eachDocumentedExampleGetsItsDocumentedAnswer(String example, int status) throws Exception {
    HttpResponse<String> r = post(resource(example + ".request.json"), "vi");
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(json.readTree(r.body()))
        .isEqualTo(json.readTree(resource(example + ".response.json")));
  }

  @Test
  void aScoreAboveTenAndAMissingMidtermAreNamedByField() throws Exception {
    String body =
        """
        {"policy":"TT22_2021","grade":7,"conduct":{"term1":"TOT","term2":"TOT"},
         "subjects":[{"code":"tin_hoc","kind":"SCORE","periodsPerYear":35,
           "term1":{"regular":[8,10.5],"final":9},
           "term2":{"regular":[8,9],"midterm":8,"final":9}},
          {"code":"nghe_thuat","kind":"ART","periodsPerYear":70}]}
        """;
    HttpResponse<String> r = post(body, "vi");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(r.body()).get("errors");
    assertThat(errors.toString())
        .contains("subjects[0].term1.regular[1]", "Điểm 10.5 nằm ngoài thang 0–10.")
        .contains("subjects[0].term1.midterm", "Thiếu điểm đánh giá giữa kì.")
        .contains("subjects[1].kind", "SCORE (điểm số) hoặc COMMENT (nhận xét)");
  }

  @Test
  void aPrimaryYearsDecimalScoreWrongLevelAndMissingQualityAreNamedByField() throws Exception {
    // TT27 art. 7.2: whole-number scores; art. 6: T/H/C and T/Đ/C
    String body =
        """
        {"policy":"TT27_2020","grade":4,
         "subjects":[{"code":"toan","level":"T","score":8.5},{"code":"dao_duc","level":"X"},
                     {"code":"tieng_viet","level":"T","tested":true}],
         "qualities":{"YEU_NUOC":"T","NHAN_AI":"Q"},"competences":{}}
        """;
    HttpResponse<String> r = post(body, "vi");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("errors").toString())
        .contains("subjects[0].score", "không cho điểm thập phân")
        .contains("subjects[1].level", "T, H hoặc C")
        .contains("subjects[2].score", "Thiếu điểm bài kiểm tra định kì cuối năm môn tieng_viet")
        .contains("qualities.NHAN_AI", "qualities.CHAM_CHI", "competences.TINH_TOAN");
  }

  @Test
  void brokenJsonAndUnknownPoliciesAreRefusedPlainly() throws Exception {
    HttpResponse<String> broken = post("{\"policy\": ", "vi");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("Nội dung không phải JSON hợp lệ.");
    HttpResponse<String> unknown = post("{\"policy\":\"TT99_2030\"}", "en");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("There is no assessment policy");
  }

  @Test
  void aHugeNumberIsEchoedAsTypedAndCutNotWrittenOut() throws Exception {
    String body =
        resource("tt22-good.request.json")
            .replaceFirst("\"regular\"\\s*:\\s*\\[\\s*[0-9.]+", "\"regular\":[1e999999999");
    assertThat(body).contains("1e999999999");
    HttpResponse<String> r = post(body, "vi");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body().length()).isLessThan(4_000);
    assertThat(r.body()).contains("ngoài thang 0–10");
  }

  @Test
  void aRecordWithoutItsAbsencesIsRefusedNotPromoted() throws Exception {
    String body =
        resource("tt22-good.request.json").replaceAll(",\\s*\"absentSessions\"\\s*:\\s*\\d+", "");
    assertThat(body).doesNotContain("absentSessions");
    HttpResponse<String> r = post(body, "vi");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"absentSessions\"");
  }

  @Test
  void aWrongContentTypeOrAnOversizedBodyGetsTheSameJsonErrorShape() throws Exception {
    HttpResponse<String> text =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/assessment/evaluate"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(json.readTree(text.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("Content-Type");

    HttpResponse<String> huge = post("{\"policy\":\"" + "x".repeat(7 * 1024 * 1024) + "\"}", "vi");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.readTree(huge.body()).get("errors").get(0).get("code").asString())
        .isEqualTo("body.tooLarge");
  }

  @Test
  void theOpenApiDescriptionCarriesTheExamples() throws Exception {
    HttpResponse<String> doc =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(doc.body())
        .contains("/api/v1/assessment/evaluate", "tt22-retest", "tt58-good", "TT22.D14.2");
  }

  HttpResponse<String> post(String body, String language) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/assessment/evaluate"))
            .header("Content-Type", "application/json")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String resource(String name) throws IOException {
    try (InputStream in =
        EvaluateApiIntegrationTests.class.getResourceAsStream("/api-examples/assessment/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
