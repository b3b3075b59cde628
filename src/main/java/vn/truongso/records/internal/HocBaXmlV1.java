package vn.truongso.records.internal;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.Title;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.StudentYearRecord.Results;
import vn.truongso.records.internal.StudentYearRecord.Student;
import vn.truongso.records.internal.StudentYearRecord.Subject;
import vn.truongso.records.internal.StudentYearRecord.Year;

/**
 * TruongSo's học bạ số schema, version 1 ({@code records/hocbaso-1.xsd}), whose element names are
 * the national education database's where they are known (docs/domain/hocba-so.md).
 */
@Component
public class HocBaXmlV1 implements HocBaExporter {

  public static final String NAMESPACE = "urn:truongso:hocbaso:1";

  private static final String DAT = "\u0110";
  private static final String CHUA_DAT = "C\u0110";

  /**
   * The data dictionary's level codes: T, K, Đ, CĐ (TT22); G, K, TB, Y, Kém (TT58). Codes, not
   * interface text: written as escapes so that no Vietnamese literal sits in the code.
   */
  private static final Map<Level, String> LEVELS =
      Map.of(
          Level.TOT, "T",
          Level.GIOI, "G",
          Level.KHA, "K",
          Level.TB, "TB",
          Level.DAT, DAT,
          Level.YEU, "Y",
          Level.CHUA_DAT, CHUA_DAT,
          Level.KEM, "K\u00e9m");

  private static final Map<Title, String> TITLES =
      Map.of(Title.XUAT_SAC, "HSXS", Title.GIOI, "HSG", Title.TIEN_TIEN, "HSTT");

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public URL schema() {
    return Objects.requireNonNull(
        HocBaXmlV1.class.getResource("/records/hocbaso-1.xsd"), "records/hocbaso-1.xsd");
  }

  @Override
  public byte[] write(StudentYearRecord record) {
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
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.madeAt().atOffset(ZoneOffset.UTC)));
      x.writeAttribute("lanlap", String.valueOf(record.version()));
      student(x, record.student(), record.student().grade() <= 9 ? "2" : "3");
      year(x, record.student().grade(), record.year());
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("hocba XML", e);
    }
    return out.toByteArray();
  }

  /**
   * Who the record is of, the same in every schema of the học bạ số; {@code level} the data
   * dictionary's code of the school level (1 tiểu học, 2 THCS, 3 THPT).
   */
  static void student(XMLStreamWriter x, Student s, String level) throws XMLStreamException {
    x.writeStartElement("thongtinhocba");
    text(x, "madinhdanhhocba", s.lifelongCode());
    text(x, "matruong", s.schoolCode());
    text(x, "tentruong", s.schoolName());
    text(x, "macaphoc", level);
    text(x, "mahocsinh", s.studentCode());
    text(x, "sodinhdanhcanhan", s.personalId());
    text(x, "hovaten", s.fullName());
    text(x, "ngaysinh", s.birthDate().toString());
    text(x, "noisinh", s.birthPlace());
    text(x, "gioitinh", sex(s.sex()));
    text(x, "dantoc", s.ethnicity());
    text(x, "quoctich", s.nationality());
    text(x, "hotencha", s.parents().father());
    text(x, "hotenme", s.parents().mother());
    text(x, "hotennguoigiamho", s.parents().guardian());
    x.writeEndElement();
  }

  private static void year(XMLStreamWriter x, int grade, Year y) throws XMLStreamException {
    x.writeStartElement("quatrinhhoctap");
    text(x, "namhoc", y.startYear() + "-" + (y.startYear() + 1));
    text(x, "makhoi", String.valueOf(grade));
    text(x, "tenlop", y.className());
    text(x, "thongtu", y.policy().name());
    x.writeStartElement("bangdiem");
    for (Subject s : y.subjects()) {
      subject(x, s);
    }
    x.writeEndElement();
    results(x, "ketquahoctap", y.learning());
    results(x, "ketquarenluyen", y.conduct());
    text(x, "songaynghi", String.valueOf(y.absentSessions()));
    Boolean promoted = y.promoted();
    text(x, "duoclenlop", promoted == null ? null : promoted ? "1" : "0");
    Title title = y.title();
    text(x, "danhhieu", title == null ? null : TITLES.get(title));
    text(x, "nhanxetgvcn", y.homeroomComment());
    StudentYearRecord.Departure left = y.left();
    if (left != null) {
      x.writeStartElement("roitruong");
      text(x, "ngay", left.on().toString());
      text(x, "lydo", left.transferred() ? "CHUYEN_TRUONG" : "THOI_HOC");
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void subject(XMLStreamWriter x, Subject s) throws XMLStreamException {
    x.writeStartElement("monhoc");
    x.writeAttribute("mamonhoc", s.code());
    x.writeAttribute("tenmonhoc", s.name());
    x.writeAttribute("loai", s.kind() == SubjectKind.SCORE ? "diem" : "nhanxet");
    text(x, "hocky1", mark(s.term1()));
    text(x, "hocky2", mark(s.term2()));
    text(x, "canam", mark(s.year()));
    text(x, "danhgialai", mark(s.retest()));
    text(x, "mienhoc", s.exempt() == null ? null : s.exempt().name());
    x.writeEndElement();
  }

  private static void results(XMLStreamWriter x, String name, Results r) throws XMLStreamException {
    x.writeStartElement(name);
    text(x, "hocky1", level(r.term1()));
    text(x, "hocky2", level(r.term2()));
    text(x, "canam", level(r.year()));
    text(x, "sauhe", level(r.afterSummer()));
    x.writeEndElement();
  }

  /** An absent value is left out, never written empty: the schema tells "not given" that way. */
  static void text(XMLStreamWriter x, String name, @Nullable String value)
      throws XMLStreamException {
    if (value == null || value.isBlank()) {
      return;
    }
    x.writeStartElement(name);
    x.writeCharacters(value.strip());
    x.writeEndElement();
  }

  private static @Nullable String mark(@Nullable Mark m) {
    return switch (m) {
      case null -> null;
      case Score s -> s.value().toPlainString();
      case Comment c -> c == Comment.DAT ? DAT : CHUA_DAT;
    };
  }

  private static @Nullable String level(@Nullable Level l) {
    return l == null ? null : LEVELS.get(l);
  }

  // QCVN 109:2017/BTTTT: 0 not known, 1 male, 2 female.
  private static String sex(@Nullable Sex s) {
    return s == null ? "0" : s == Sex.M ? "1" : "2";
  }
}
