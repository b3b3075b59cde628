package vn.truongso.records.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.truongso.platform.RequestsPerMinute;
import vn.truongso.records.internal.DocumentFacts;
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
  private final RequestsPerMinute limit;

  VerifyController(
      SignatureCheck check,
      DocumentFacts facts,
      Clock clock,
      @Value("${truongso.verify.per-minute:20}") int perMinute) {
    this.check = check;
    this.facts = facts;
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
