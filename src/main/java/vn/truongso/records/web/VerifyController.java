package vn.truongso.records.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.truongso.platform.RequestsPerMinute;
import vn.truongso.records.internal.DocumentFacts;
import vn.truongso.records.internal.HocBaVerifications;
import vn.truongso.records.signing.SignatureCheck;

/**
 * The public verification page: anyone (an employer, another school, a parent) uploads a signed
 * document and learns whether it is intact and signed, of which school, kind and year — never whose
 * record it is or who signed it. A few checks a minute from one address.
 */
@Controller
class VerifyController {

  private final SignatureCheck check;
  private final DocumentFacts facts;
  private final HocBaVerifications records;
  private final RequestsPerMinute limit;

  VerifyController(
      SignatureCheck check,
      DocumentFacts facts,
      HocBaVerifications records,
      Clock clock,
      @Value("${truongso.verify.per-minute:20}") int perMinute) {
    this.check = check;
    this.facts = facts;
    this.records = records;
    this.limit = new RequestsPerMinute(clock, perMinute);
  }

  /** What the page shows: no signer's name, no student's. */
  public record Verdict(int signatures, int intact, int broken, DocumentFacts.Facts facts) {

    public boolean intactAndSigned() {
      return signatures > 0 && broken == 0;
    }
  }

  @GetMapping("/verify")
  String page() {
    return "records/verify";
  }

  /**
   * The page a printed học bạ's QR code opens: whether the record with that fingerprint was signed
   * and sealed, and whether a newer version replaced it. The limit is the upload's: one budget per
   * address for both ways of checking.
   */
  @GetMapping("/verify/{fingerprint}")
  String record(
      @PathVariable String fingerprint,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (!limit.allow(request.getRemoteAddr())) {
      response.setStatus(429);
      response.setHeader("Retry-After", "60");
      model.addAttribute("refusal", "records.verify.tooMany");
      return "records/verify-record";
    }
    // read off paper, the code may be typed in capitals
    String code = fingerprint.toLowerCase(Locale.ROOT);
    if (!HocBaVerifications.wellFormed(code)) {
      response.setStatus(400);
      model.addAttribute("refusal", "records.verify.record.malformed");
      return "records/verify-record";
    }
    var found = records.find(code);
    if (found.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("refusal", "records.verify.record.notFound");
      return "records/verify-record";
    }
    model.addAttribute("found", found.get());
    return "records/verify-record";
  }

  @PostMapping("/verify")
  String verify(
      @RequestParam("file") MultipartFile file,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    if (!limit.allow(request.getRemoteAddr())) {
      response.setStatus(429);
      response.setHeader("Retry-After", "60");
      model.addAttribute("refusal", "records.verify.tooMany");
      return "records/verify";
    }
    if (file.isEmpty()) {
      model.addAttribute("refusal", "records.verify.empty");
      return "records/verify";
    }
    byte[] bytes = file.getBytes();
    List<SignatureCheck.Found> found;
    try {
      found = check.check(bytes, List.of());
    } catch (RuntimeException e) {
      // not a PDF or XML the validator can read: no signature to speak of
      found = List.of();
    }
    int broken = (int) found.stream().filter(SignatureCheck.Found::broken).count();
    model.addAttribute(
        "verdict", new Verdict(found.size(), found.size() - broken, broken, facts.of(bytes)));
    return "records/verify";
  }
}
