package vn.truongso.records.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.platform.Downloads;
import vn.truongso.records.internal.RegisterPrint;

/**
 * The printed enrolment register (sổ đăng bộ) of the students a school admitted in one school year
 * ({@code year} = its first calendar year; the current school year when not given), for whoever
 * prints the school's books.
 */
@Controller
class RegisterPrintController {

  private final RegisterPrint print;

  RegisterPrintController(RegisterPrint print) {
    this.print = print;
  }

  @GetMapping("/schools/{schoolId}/register.pdf")
  ResponseEntity<byte[]> printed(
      @PathVariable long schoolId, @RequestParam(required = false) @Nullable Integer year) {
    RegisterPrint.Printed p = print.print(schoolId, year);
    return Downloads.pdf(p.body(), p.fileName());
  }
}
