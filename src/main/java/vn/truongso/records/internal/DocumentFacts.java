package vn.truongso.records.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the public verification page may tell about a document without naming anyone: that it is a
 * học bạ số, of which school, of which school year. Read from the XML, or from the XML a printed
 * học bạ carries inside it; nothing else of the document is read.
 */
@Component
public class DocumentFacts {

  /** {@code kind}: "hocba" for a học bạ số document (XML or its PDF), null when unknown. */
  public record Facts(@Nullable String kind, @Nullable String school, @Nullable String year) {
    static final Facts UNKNOWN = new Facts(null, null, null);
  }

  public Facts of(byte[] document) {
    if (startsWith(document, "%PDF")) {
      byte[] xml = embeddedXml(document);
      return xml == null ? Facts.UNKNOWN : ofXml(xml);
    }
    return ofXml(document);
  }

  private static Facts ofXml(byte[] xml) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // an uploaded file is hostile until proven otherwise: no DTD, no external entity
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
      String kind = null;
      String school = null;
      String year = null;
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!HocBaXmlV1.NAMESPACE.equals(r.getNamespaceURI())) {
          continue;
        }
        switch (r.getLocalName()) {
          case "hocba" -> kind = "hocba";
          case "tentruong" -> school = r.getElementText();
          case "namhoc" -> year = r.getElementText();
          default -> {}
        }
      }
      return kind == null ? Facts.UNKNOWN : new Facts(kind, school, year);
    } catch (XMLStreamException e) {
      return Facts.UNKNOWN;
    }
  }

  private static byte @Nullable [] embeddedXml(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
      Map<String, PDComplexFileSpecification> files = tree == null ? null : tree.getNames();
      if (files == null) {
        return null;
      }
      for (PDComplexFileSpecification spec : files.values()) {
        PDEmbeddedFile file = spec.getEmbeddedFile();
        if (file != null && "application/xml".equals(file.getSubtype())) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          file.createInputStream().transferTo(out);
          return out.toByteArray();
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    if (bytes.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
