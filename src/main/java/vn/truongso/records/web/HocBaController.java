package vn.truongso.records.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.platform.Downloads;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.HocBaExports;
import vn.truongso.records.internal.HocBaRecords;

/**
 * The class's học bạ số: the list of its students' documents once the year is approved, each
 * student's XML, and the class's package for the Sở. A download before the year gives records leads
 * back to the page, which says why.
 */
@Controller
class HocBaController {

  private final HocBaRecords records;
  private final HocBaExports exports;

  HocBaController(HocBaRecords records, HocBaExports exports) {
    this.records = records;
    this.exports = exports;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba")
  String page(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("classId", classId);
    try {
      HocBaRecords.ClassRecords r = records.ofClass(schoolId, classId);
      model.addAttribute("year", r.year());
      model.addAttribute("records", r.records());
    } catch (UserInputException e) {
      model.addAttribute("refusal", e.messageKey());
    }
    return "records/hocba";
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba/{studentId}.pdf")
  ResponseEntity<byte[]> printed(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    return exports
        .student(schoolId, classId, studentId, HocBaExports.Format.PDF)
        .map(e -> Downloads.pdf(e.body(), e.fileName()))
        .orElseGet(() -> backToPage(schoolId, classId));
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba/{studentId}.xml")
  ResponseEntity<byte[]> student(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    return exports
        .student(schoolId, classId, studentId, HocBaExports.Format.XML)
        .map(
            e ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_XML)
                    .header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"")
                    .body(e.body()))
        .orElseGet(() -> backToPage(schoolId, classId));
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba.zip")
  ResponseEntity<byte[]> classPackage(@PathVariable long schoolId, @PathVariable long classId) {
    return exports
        .classPackage(schoolId, classId)
        .map(e -> Downloads.zip(e.body(), e.fileName()))
        .orElseGet(() -> backToPage(schoolId, classId));
  }

  private static ResponseEntity<byte[]> backToPage(long schoolId, long classId) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/schools/" + schoolId + "/classes/" + classId + "/hocba"))
        .build();
  }
}
