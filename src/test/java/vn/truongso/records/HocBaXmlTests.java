package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.Title;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.HocBaXmlV1;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.internal.StudentYearRecord.Parents;
import vn.truongso.records.internal.StudentYearRecord.Results;
import vn.truongso.records.internal.StudentYearRecord.Subject;

/**
 * The học bạ số document of version 1: valid against its XSD, the values where the data dictionary
 * names them (hocky1, hocky2, canam, duoclenlop, gioitinh per QCVN 109:2017), Vietnamese text
 * intact, and a record the schema refuses never comes out.
 */
class HocBaXmlTests {

  private static final NamespaceContext NS =
      new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
          return "h".equals(prefix) ? HocBaXmlV1.NAMESPACE : XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String uri) {
          return "h";
        }

        @Override
        public Iterator<String> getPrefixes(String uri) {
          return List.of("h").iterator();
        }
      };

  private final HocBaXml xml = new HocBaXml(List.of(new HocBaXmlV1()));

  @Test
  void aTt22YearIsWrittenWithTheDictionarysNamesAndValidates() throws Exception {
    Document d = parse(xml.current(year(PolicyCode.TT22_2021, Sex.F, "079312000123", true)));
    XPath x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(NS);
    assertThat(x.evaluate("/h:hocba/@phienban", d)).isEqualTo("1");
    assertThat(x.evaluate("/h:hocba/@lanlap", d)).isEqualTo("2");
    assertThat(x.evaluate("//h:thongtinhocba/h:hovaten", d)).isEqualTo("Nguyễn Thị Ánh Tuyết");
    assertThat(x.evaluate("//h:thongtinhocba/h:gioitinh", d)).isEqualTo("2");
    assertThat(x.evaluate("//h:thongtinhocba/h:macaphoc", d)).isEqualTo("2");
    assertThat(x.evaluate("//h:thongtinhocba/h:sodinhdanhcanhan", d)).isEqualTo("079312000123");
    assertThat(x.evaluate("//h:quatrinhhoctap/h:namhoc", d)).isEqualTo("2025-2026");
    assertThat(x.evaluate("//h:monhoc[@mamonhoc='toan']/h:hocky1", d)).isEqualTo("7.5");
    assertThat(x.evaluate("//h:monhoc[@mamonhoc='toan']/h:canam", d)).isEqualTo("8.2");
    assertThat(x.evaluate("//h:monhoc[@mamonhoc='toan']/@loai", d)).isEqualTo("diem");
    assertThat(x.evaluate("//h:monhoc[@mamonhoc='giao_duc_the_chat']/h:canam", d)).isEqualTo("Đ");
    assertThat(x.evaluate("//h:monhoc[@mamonhoc='giao_duc_the_chat']/h:mienhoc", d))
        .isEqualTo("HK2");
    assertThat(x.evaluate("//h:ketquahoctap/h:canam", d)).isEqualTo("T");
    assertThat(x.evaluate("//h:ketquarenluyen/h:hocky1", d)).isEqualTo("K");
    assertThat(x.evaluate("//h:duoclenlop", d)).isEqualTo("1");
    assertThat(x.evaluate("//h:danhhieu", d)).isEqualTo("HSG");
    // an absent value is left out, not written empty
    assertThat(x.evaluate("count(//h:monhoc[@mamonhoc='toan']/h:danhgialai)", d)).isEqualTo("0");
  }

  @ParameterizedTest(name = "sex {0}: gioitinh {1}")
  @CsvSource(
      value = {"M, 1", "F, 2", "NULL, 0"},
      nullValues = "NULL")
  void sexIsCodedAsQcvn109Says(Sex sex, String code) throws Exception {
    Document d = parse(xml.current(year(PolicyCode.TT22_2021, sex, null, null)));
    XPath x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(NS);
    assertThat(x.evaluate("//h:gioitinh", d)).isEqualTo(code);
    // promotion not decided yet (the summer's results awaited): no duoclenlop at all
    assertThat(x.evaluate("count(//h:duoclenlop)", d)).isEqualTo("0");
  }

  @Test
  void aTt58YearUsesItsOwnLevelsAndSaysWhenTheStudentLeft() throws Exception {
    StudentYearRecord r = year(PolicyCode.TT58_2011, Sex.M, null, true);
    StudentYearRecord old =
        new StudentYearRecord(
            1,
            r.madeAt(),
            r.student(),
            new StudentYearRecord.Year(
                2020,
                "8A",
                null,
                null,
                PolicyCode.TT58_2011,
                r.year().subjects(),
                new Results(Level.GIOI, Level.KHA, Level.KHA, null),
                new Results(Level.TOT, Level.TB, Level.KHA, null),
                0,
                true,
                Title.TIEN_TIEN,
                null,
                new StudentYearRecord.Departure(LocalDate.of(2021, 3, 15), true)));
    Document d = parse(xml.current(old));
    XPath x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(NS);
    assertThat(x.evaluate("//h:thongtu", d)).isEqualTo("TT58_2011");
    assertThat(x.evaluate("//h:ketquahoctap/h:hocky1", d)).isEqualTo("G");
    assertThat(x.evaluate("//h:ketquarenluyen/h:hocky2", d)).isEqualTo("TB");
    assertThat(x.evaluate("//h:danhhieu", d)).isEqualTo("HSTT");
    // a student who transferred out: the year stops on the day they left (schema 1.1)
    assertThat(x.evaluate("//h:roitruong/h:ngay", d)).isEqualTo("2021-03-15");
    assertThat(x.evaluate("//h:roitruong/h:lydo", d)).isEqualTo("CHUYEN_TRUONG");
  }

  @Test
  void aRecordTheSchemaRefusesNeverComesOut() {
    // a personal ID of 11 digits, as a careless import might leave it
    assertThatThrownBy(() -> xml.current(year(PolicyCode.TT22_2021, Sex.M, "07931200012", true)))
        .isInstanceOf(HocBaXml.InvalidDocumentException.class)
        .hasMessageContaining("07931200012");
  }

  static StudentYearRecord year(PolicyCode policy, Sex sex, String personalId, Boolean promoted) {
    return new StudentYearRecord(
        2,
        Instant.parse("2026-06-01T02:00:00Z"),
        new StudentYearRecord.Student(
            41,
            null,
            "79000701",
            "Trường THCS Nguyễn Du",
            "Phường Bến Thành",
            "Thành phố Hồ Chí Minh",
            7,
            "HS0007",
            personalId,
            "Nguyễn Thị Ánh Tuyết",
            LocalDate.of(2012, 3, 4),
            "Phường Bến Thành, Thành phố Hồ Chí Minh",
            sex,
            "Kinh",
            "Việt Nam",
            new Parents("Nguyễn Văn Đức", "Trần Thị Hương", null)),
        new StudentYearRecord.Year(
            2025,
            "7A1",
            "Lê Thị Hoa",
            "Phạm Văn Minh",
            policy,
            List.of(
                new Subject(
                    "toan",
                    "Toán",
                    SubjectKind.SCORE,
                    new Score(new BigDecimal("7.5")),
                    new Score(new BigDecimal("8.5")),
                    new Score(new BigDecimal("8.2")),
                    null,
                    null),
                new Subject(
                    "giao_duc_the_chat",
                    "Giáo dục thể chất",
                    SubjectKind.COMMENT,
                    Comment.DAT,
                    Comment.DAT,
                    Comment.DAT,
                    null,
                    Period.HK2)),
            new Results(Level.KHA, Level.TOT, Level.TOT, null),
            new Results(Level.KHA, Level.TOT, Level.TOT, null),
            3,
            promoted,
            Title.GIOI,
            "Chăm ngoan, tiến bộ rõ ở học kì II.",
            null));
  }

  private static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }
}
