package vn.truongso.gradebook.web;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the example records of {@code api-examples/assessment/} and their real answers into the
 * OpenAPI description; a test checks each answer is what the policy computes today.
 */
@Configuration(proxyBeanMethods = false)
class EvaluateApiExamples {

  static final String DIR = "/api-examples/assessment/";
  static final List<String> EXAMPLES =
      List.of(
          "tt22-good", "tt22-retest", "tt58-good", "tt27-good", "tt27-supplementary", "invalid");

  @Bean
  OpenApiCustomizer evaluateExamples() {
    return api -> {
      var path = api.getPaths() == null ? null : api.getPaths().get("/api/v1/assessment/evaluate");
      if (path == null || path.getPost() == null) {
        return;
      }
      Map<String, Example> requests = new LinkedHashMap<>();
      Map<String, Example> answers = new LinkedHashMap<>();
      Map<String, Example> invalid = new LinkedHashMap<>();
      for (String name : EXAMPLES) {
        requests.put(name, example(name + ".request.json"));
        (name.equals("invalid") ? invalid : answers).put(name, example(name + ".response.json"));
      }
      path.getPost()
          .requestBody(
              new RequestBody()
                  .required(true)
                  .content(
                      new Content()
                          .addMediaType("application/json", new MediaType().examples(requests))));
      path.getPost()
          .responses(
              new ApiResponses()
                  .addApiResponse(
                      "200",
                      new ApiResponse()
                          .description("Every computed value, with the articles that decided it")
                          .content(
                              new Content()
                                  .addMediaType(
                                      "application/json", new MediaType().examples(answers))))
                  .addApiResponse(
                      "400",
                      new ApiResponse()
                          .description("The record's mistakes, one message per field")
                          .content(
                              new Content()
                                  .addMediaType(
                                      "application/json", new MediaType().examples(invalid)))));
    };
  }

  static String read(String file) {
    try (InputStream in = EvaluateApiExamples.class.getResourceAsStream(DIR + file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Example example(String file) {
    // Plain maps and lists: the OpenAPI writer does not know this Jackson's tree nodes.
    return new Example().value(EvaluationJson.MAPPER.readValue(read(file), Object.class));
  }
}
