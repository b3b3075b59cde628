package vn.truongso.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.springframework.stereotype.Service;
import org.xml.sax.SAXException;
import vn.truongso.platform.Sha256;

/**
 * Makes a student's học bạ số document with the chosen exporter and checks it against the
 * exporter's XSD before anything else sees it: a document that does not validate is refused here,
 * so it is never signed, stored or sent.
 */
@Service
public class HocBaXml {

  private final Map<String, HocBaExporter> exporters;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  public HocBaXml(List<HocBaExporter> exporters) {
    this.exporters = exporters.stream().collect(Collectors.toMap(HocBaExporter::namespace, e -> e));
  }

  /** The document in the current schema (version 1). */
  public byte[] current(StudentYearRecord record) {
    return document(HocBaXmlV1.NAMESPACE, record);
  }

  /**
   * The hash of the record's values alone: its document with a fixed date and version, so that two
   * records hash alike exactly when the học bạ would say the same thing. A signed version whose
   * hash is no longer the record's was overtaken by a changed result.
   */
  public String fingerprint(StudentYearRecord record) {
    HocBaExporter exporter = Objects.requireNonNull(exporters.get(HocBaXmlV1.NAMESPACE));
    return Sha256.hex(exporter.write(record.as(1, Instant.EPOCH)));
  }

  /**
   * The document in the schema of {@code namespace}.
   *
   * @throws InvalidDocumentException when the document does not validate against its XSD
   */
  public byte[] document(String namespace, StudentYearRecord record) {
    HocBaExporter exporter = exporters.get(namespace);
    if (exporter == null) {
      throw new IllegalArgumentException("no exporter for " + namespace);
    }
    byte[] xml = exporter.write(record);
    validate(exporter, xml);
    return xml;
  }

  /**
   * Checks a document of the current schema, e.g. once signed: the signature is the only thing the
   * schema lets a signer add.
   */
  public void validateCurrent(byte[] document) {
    validate(Objects.requireNonNull(exporters.get(HocBaXmlV1.NAMESPACE)), document);
  }

  /** Checks a document against its exporter's XSD. */
  void validate(HocBaExporter exporter, byte[] xml) {
    try {
      schema(exporter).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new InvalidDocumentException(String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Schema schema(HocBaExporter exporter) {
    return schemas.computeIfAbsent(
        exporter.namespace(),
        ns -> {
          try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the XSD is ours and imports nothing: no external fetch, whatever a document names
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(exporter.schema());
          } catch (SAXException e) {
            throw new IllegalStateException("XSD " + ns, e);
          }
        });
  }

  /** A document that its schema refuses; the message is the parser's, for the log. */
  public static class InvalidDocumentException extends RuntimeException {
    InvalidDocumentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
