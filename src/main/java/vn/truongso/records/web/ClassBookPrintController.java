package vn.truongso.records.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.ClassBookPrint;

/**
 * The printed class book of a class, at any time of the year, for whoever keeps its books; a class
 * that keeps no such book (primary) leads back to its học bạ page, which says why.
 */
@Controller
class ClassBookPrintController {

  private final ClassBookPrint print;

  ClassBookPrintController(ClassBookPrint print) {
    this.print = print;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/classbook.pdf")
  ResponseEntity<byte[]> printed(@PathVariable long schoolId, @PathVariable long classId) {
    try {
      ClassBookPrint.Printed p = print.print(schoolId, classId);
      return Downloads.pdf(p.body(), p.fileName());
    } catch (UserInputException e) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(URI.create("/schools/" + schoolId + "/classes/" + classId + "/hocba"))
          .build();
    }
  }
}
