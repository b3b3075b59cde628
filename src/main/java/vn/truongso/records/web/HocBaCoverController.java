package vn.truongso.records.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.platform.Downloads;
import vn.truongso.records.internal.HocBaCover;

/** A student's học bạ opening pages (cover, usage notes, identity page) for the class's keepers. */
@Controller
class HocBaCoverController {

  private final HocBaCover cover;

  HocBaCoverController(HocBaCover cover) {
    this.cover = cover;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba/{studentId}/cover.pdf")
  ResponseEntity<byte[]> cover(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    var e = cover.pdf(schoolId, classId, studentId);
    return Downloads.pdf(e.body(), e.fileName());
  }
}
