package vn.truongso.records.internal;

import java.net.URL;

/**
 * Writes a student's year as the học bạ số XML of one schema version. Each version is one
 * implementation, so that the Ministry's schema, once published, is one more exporter beside ours.
 */
public interface HocBaExporter {

  /** The schema's namespace, which names its version. */
  String namespace();

  /** The XSD the documents are valid against, shipped in the product. */
  URL schema();

  /** The XML document, UTF-8; not yet checked against the schema ({@link HocBaXml} does). */
  byte[] write(StudentYearRecord record);
}
