package vn.truongso.platform;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files the pages hand out: named for saving, never cached (they hold personal data). */
public final class Downloads {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Downloads() {}

  public static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
