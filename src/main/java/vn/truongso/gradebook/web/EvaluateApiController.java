package vn.truongso.gradebook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.truongso.platform.RequestsPerMinute;

/**
 * Evaluates one student's year without the database: for other systems, for checking a school's own
 * figures, and for the Department's spot checks. Open without a token; it stores nothing.
 */
@RestController
@Tag(name = "Assessment")
class EvaluateApiController {

  /** A year record is a few kilobytes; a body past this is not one. */
  static final int MAX_BODY_CHARS = 256 * 1024;

  private final MessageSource messages;
  private final RequestsPerMinute rateLimit;

  EvaluateApiController(
      MessageSource messages,
      Clock clock,
      @Value("${truongso.evaluate.per-minute:120}") int perMinute) {
    this.messages = messages;
    this.rateLimit = new RequestsPerMinute(clock, perMinute);
  }

  @PostMapping(path = "/api/v1/assessment/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Compute one student's year results under a circular",
      description =
          "Takes one student's year record and returns every value the circular computes, without"
              + " touching the database. `policy`: TT22_2021 or TT58_2011 (TT58/2011 as amended by"
              + " TT26/2020). Each subject has `code`, `kind` (SCORE or COMMENT), `periodsPerYear`,"
              + " `exempt`, and `term1`/`term2` with `regular` (list), `midterm` and `final`: numbers"
              + " 0-10 with at most one decimal for SCORE, \"DAT\"/\"CHUA_DAT\" for COMMENT; an"
              + " optional `retest`. `conduct` has `term1`, `term2`, `year` (TT58 only: TT22 derives"
              + " it, art. 8) and an optional `summer` after summer training; levels TOT/KHA/DAT/"
              + "CHUA_DAT (TT22) or TOT/KHA/TB/YEU (TT58). `absentSessions`: sessions missed in the"
              + " year. Optional `individualPlan` (TT22 art. 11-12.4) and `options`"
              + " (`reassessAfterSummerTraining`, `adjustForCommentSubject`, both true by default)."
              + " Averages are exact decimals rounded half up to one decimal. Each `findings` entry"
              + " names the article that decided a value. A mistaken record is a 400 with one"
              + " message per field, in Vietnamese, or in English with ?lang=en or Accept-Language: en.")
  ResponseEntity<EvaluationBody> evaluate(
      @RequestBody(required = false) String body,
      @RequestParam(name = "lang", required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
      @RequestHeader(name = "Content-Type", required = false) String contentType,
      HttpServletRequest request) {
    // A client of the API has no language cookie: ?lang= or Accept-Language, Vietnamese otherwise.
    String asked = lang != null ? lang : acceptLanguage;
    Locale locale =
        asked != null && asked.toLowerCase(Locale.ROOT).startsWith("en")
            ? Locale.ENGLISH
            : LocaleContextHolder.getLocale();
    EvaluationJson json =
        new EvaluationJson((key, args) -> messages.getMessage(key, args, key, locale));
    if (!rateLimit.allow(request.getRemoteAddr())) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", "60")
          .body(json.refusal("", "request.tooMany").body());
    }
    if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(parse(contentType))) {
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .body(
              json.refusal("Content-Type", "request.notJson", String.valueOf(contentType)).body());
    }
    if (body != null && body.length() > MAX_BODY_CHARS) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(json.refusal("", "request.tooLarge", MAX_BODY_CHARS / 1024).body());
    }
    EvaluationJson.Answer answer = json.evaluate(body);
    return answer.valid()
        ? ResponseEntity.ok(answer.body())
        : ResponseEntity.badRequest().body(answer.body());
  }

  private static MediaType parse(String contentType) {
    try {
      return MediaType.parseMediaType(contentType);
    } catch (org.springframework.util.InvalidMimeTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
