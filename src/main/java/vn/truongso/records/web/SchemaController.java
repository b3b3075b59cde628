package vn.truongso.records.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.truongso.records.internal.HocBaXmlV1;

/**
 * The học bạ số schema at its stable public address, so that whoever receives a document (the Sở,
 * another school after a transfer) can validate it against the schema it names.
 */
@RestController
class SchemaController {

  private final HocBaXmlV1 v1;

  SchemaController(HocBaXmlV1 v1) {
    this.v1 = v1;
  }

  @GetMapping(value = "/schemas/hocbaso/1/hocbaso.xsd", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> hocBaV1() throws IOException {
    try (InputStream in = v1.schema().openStream()) {
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noCache())
          .contentType(MediaType.APPLICATION_XML)
          .body(in.readAllBytes());
    }
  }
}
