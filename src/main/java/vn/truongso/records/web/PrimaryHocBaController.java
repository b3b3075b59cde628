package vn.truongso.records.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;
import vn.truongso.records.internal.PrimaryHocBa;

/** A primary pupil's học bạ (TT27): the printed record as PDF/A and the year's học bạ số XML. */
@Controller
class PrimaryHocBaController {

  private final PrimaryHocBa hocBa;

  PrimaryHocBaController(PrimaryHocBa hocBa) {
    this.hocBa = hocBa;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc/{studentId}.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    return file(download(() -> hocBa.pdf(schoolId, classId, studentId)), MediaType.APPLICATION_PDF);
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/hocba-tieuhoc/{studentId}.xml")
  ResponseEntity<byte[]> xml(
      @PathVariable long schoolId, @PathVariable long classId, @PathVariable long studentId) {
    return file(download(() -> hocBa.xml(schoolId, classId, studentId)), MediaType.APPLICATION_XML);
  }

  /**
   * A download has no page to show a refusal on: a class of another level has no primary record.
   */
  private static PrimaryHocBa.Printed download(
      java.util.function.Supplier<PrimaryHocBa.Printed> f) {
    try {
      return f.get();
    } catch (UserInputException e) {
      throw new NotFoundException(e.messageKey());
    }
  }

  private static ResponseEntity<byte[]> file(PrimaryHocBa.Printed p, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(p.fileName()).build().toString())
        .body(p.body());
  }
}
