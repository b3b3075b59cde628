package vn.truongso.records.internal;

import static vn.truongso.records.internal.HocBaXmlV1.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import vn.truongso.assessment.PrimaryCommendation;
import vn.truongso.assessment.PrimaryResult;
import vn.truongso.gradebook.PrimaryRecords;

/**
 * The primary học bạ số of one year ({@code records/hocbaso-tieuhoc-1.xsd}), checked against its
 * XSD before anyone sees it: a document that does not validate is refused here.
 */
@Component
public class PrimaryHocBaXml {

  public static final String NAMESPACE = "urn:truongso:hocbaso:tieuhoc:1";

  private static final Map<PrimaryResult, String> RESULTS =
      Map.of(
          PrimaryResult.HOAN_THANH_XUAT_SAC, "HTXS",
          PrimaryResult.HOAN_THANH_TOT, "HTT",
          PrimaryResult.HOAN_THANH, "HT",
          PrimaryResult.CHUA_HOAN_THANH, "CHT");

  private static final Map<PrimaryCommendation, String> COMMENDATIONS =
      Map.of(PrimaryCommendation.XUAT_SAC, "HSXS", PrimaryCommendation.TIEU_BIEU, "HSTB");

  private final Schema schema;

  PrimaryHocBaXml() {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      schema =
          f.newSchema(
              Objects.requireNonNull(
                  PrimaryHocBaXml.class.getResource("/records/hocbaso-tieuhoc-1.xsd")));
    } catch (SAXException e) {
      throw new IllegalStateException("records/hocbaso-tieuhoc-1.xsd", e);
    }
  }

  /**
   * The year's document, validated.
   *
   * @throws HocBaXml.InvalidDocumentException when it does not validate
   */
  public byte[] write(StudentYearRecord.Student s, PrimaryRecords.Year y, Instant madeAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter x =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      x.setDefaultNamespace(NAMESPACE);
      x.writeStartElement(NAMESPACE, "hocba");
      x.writeDefaultNamespace(NAMESPACE);
      x.writeAttribute("phienban", "1");
      x.writeAttribute(
          "ngaylap",
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(madeAt.atOffset(ZoneOffset.UTC)));
      HocBaXmlV1.student(x, s, "1");
      year(x, y);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("primary hocba XML", e);
    }
    byte[] xml = out.toByteArray();
    validate(xml);
    return xml;
  }

  /** Checks a document against the schema, e.g. once signed (the signatures are all it adds). */
  public void validate(byte[] xml) {
    try {
      schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new HocBaXml.InvalidDocumentException(String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void year(XMLStreamWriter x, PrimaryRecords.Year y) throws XMLStreamException {
    x.writeStartElement("quatrinhhoctap");
    text(x, "namhoc", y.startYear() + "-" + (y.startYear() + 1));
    text(x, "makhoi", String.valueOf(y.grade()));
    text(x, "tenlop", y.className());
    text(x, "thongtu", "TT27_2020");
    text(x, "cokhuyettatkhongdanhgia", y.individualPlan() ? "1" : "0");
    x.writeStartElement("dsbangdiem");
    for (PrimaryRecords.Subject s : y.subjects()) {
      x.writeStartElement("monhoc");
      x.writeAttribute("mamonhoc", s.code());
      x.writeAttribute("tenmonhoc", s.name());
      text(x, "mucdatduoc", s.level());
      text(x, "diemktdk", s.score() == null ? null : s.score().toString());
      text(x, "nhanxet", s.comment());
      x.writeEndElement();
    }
    x.writeEndElement();
    items(x, "phamchat", y.qualities(), null);
    items(x, "nanglucchung", y.competences(), true);
    items(x, "nanglucdacthu", y.competences(), false);
    text(x, "nhanxetphamchat", y.qualitiesComment());
    text(x, "nhanxetnangluc", y.competencesComment());
    var r = y.result();
    if (r != null) {
      text(x, "ketquagiaoduc", RESULTS.get(r.result()));
      text(
          x,
          "ketquatruocdanhgiabosung",
          r.beforeSupplementary() == null ? null : RESULTS.get(r.beforeSupplementary()));
      text(x, "khenthuong", r.commendation() == null ? null : COMMENDATIONS.get(r.commendation()));
      text(x, "dahthanhctrinhlophoc", r.completedProgramme() ? "1" : "0");
      if (y.grade() == 5) {
        text(x, "dahthanhctrinhtieuhoc", r.completedPrimary() ? "1" : "0");
      }
      switch (r.outcome()) {
        case PROMOTED -> text(x, "duoclenlop", "1");
        case RETAINED -> text(x, "duoclenlop", "0");
        default -> {
          // awaiting the supplementary assessment or the principal's decision: not yet known
        }
      }
    }
    x.writeEndElement();
  }

  /** {@code general}: null for the qualities; else the general or the specific competencies. */
  private static void items(
      XMLStreamWriter x,
      String name,
      java.util.List<PrimaryRecords.Item> items,
      @Nullable Boolean general)
      throws XMLStreamException {
    x.writeStartElement(name);
    for (PrimaryRecords.Item i : items) {
      if (general != null
          && vn.truongso.assessment.Competence.valueOf(i.code()).general() != general) {
        continue;
      }
      if (i.level() != null) {
        x.writeStartElement("muc");
        x.writeAttribute("ma", i.code());
        x.writeCharacters(i.level());
        x.writeEndElement();
      }
    }
    x.writeEndElement();
  }
}
