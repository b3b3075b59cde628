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
    return attachment(XLSX, body, fileName);
  }

  public static ResponseEntity<byte[]> zip(byte[] body, String fileName) {
    return attachment(MediaType.parseMediaType("application/zip"), body, fileName);
  }

  public static ResponseEntity<byte[]> xml(byte[] body, String fileName) {
    return attachment(MediaType.APPLICATION_XML, body, fileName);
  }

  public static ResponseEntity<byte[]> json(byte[] body, String fileName) {
    return attachment(MediaType.APPLICATION_JSON, body, fileName);
  }

  public static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
    return attachment(MediaType.APPLICATION_PDF, body, fileName);
  }

  /**
   * The headers of a file written straight to the response (too large to hold in memory), set
   * before its first byte.
   */
  public static void streamed(
      jakarta.servlet.http.HttpServletResponse response, String type, String fileName, long size) {
    response.setContentType(type);
    response.setContentLengthLong(size);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private static ResponseEntity<byte[]> attachment(MediaType type, byte[] body, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
