package vn.truongso.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.enrolment.internal.ClassListCheck;
import vn.truongso.enrolment.internal.ClassListCheck.RowResult;
import vn.truongso.enrolment.internal.ImportColumn;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.Sex;
import vn.truongso.platform.xlsx.XlsxRows;

/**
 * Every row of an imported list is checked; each problem names its cell; duplicates are flagged.
 */
class ClassListCheckTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  static final String ID_AN = PersonalId.prefix("031", LocalDate.of(2014, 3, 2), Sex.M) + "004567";
  static final Map<ImportColumn, Integer> TEMPLATE = template();

  static final ClassListCheck.Lookups LOOKUPS =
      new ClassListCheck.Lookups(
          Map.of("kinh", "01", "kinh (viet)", "01", "01", "01", "tay", "02"),
          Map.of("nam", Sex.M, "nu", Sex.F),
          Map.of("ho ngheo", PolicyStatus.HO_NGHEO),
          Set.of(PersonalId.of("031214000001")),
          Set.of("HS0001"),
          Set.of(
              ClassListCheck.nameBirthKey(
                  vn.truongso.platform.PersonName.parse("Lê Thị Hoa"), LocalDate.of(2014, 5, 6))));

  @Test
  void aGoodRowPassesWithItsParents() {
    RowResult r =
        check(
                row(
                    2,
                    "Nguyễn Văn An",
                    "02/03/2014",
                    "Nam",
                    "Kinh",
                    "31214004567",
                    "",
                    "Hộ nghèo",
                    "Nguyễn Văn Bình",
                    "912345678"))
            .getFirst();
    assertThat(r.errors()).isEmpty();
    assertThat(r.candidate().profile().personalId()).isEqualTo(PersonalId.of(ID_AN));
    assertThat(r.candidate().profile().name().given()).isEqualTo("An");
    assertThat(r.candidate().profile().policyStatus()).isEqualTo(PolicyStatus.HO_NGHEO);
    assertThat(r.candidate().father())
        .isEqualTo(new ClassListCheck.GuardianInfo("Nguyễn Văn Bình", "0912345678"));
    assertThat(r.candidate().mother()).isNull();
  }

  /** Each bad value gives one message on its own cell (row 5 in Excel). */
  @ParameterizedTest(name = "{0}: {1} → {2} {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ngày không tồn tại    | 31/02/2014 | B5 | profile.birthDate.invalid
          ngày sai dạng         | 2014-03-02 | B5 | profile.birthDate.invalid
          ngày trong tương lai  | 01/01/2027 | B5 | profile.birthDate.implausible
          """)
  void badBirthDates(String what, String birth, String cell, String key) {
    RowResult r =
        check(row(5, "Nguyễn Văn An", birth, "Nam", "Kinh", "", "", "", "", "")).getFirst();
    assertThat(r.errors()).extracting(ClassListCheck.CellError::cell).containsExactly(cell);
    assertThat(r.errors().getFirst().messageKey()).isEqualTo(key);
    assertThat(r.candidate()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          giới tính lạ                        | An | Trai | Kinh  |              | | C5 | import.sex.unknown
          dân tộc ngoài danh mục              | An | Nam  | Khmerr |             | | D5 | import.ethnicity.unknown
          định danh ngược giới tính (TT 59)   | An | Nữ   | Kinh  | 031214004567 | | E5 | personalId.sex
          định danh đã có trong hệ thống      | An | Nam  | Kinh  | 031214000001 | | E5 | personalId.taken
          mã học sinh đã có                   | An | Nam  | Kinh  |              | HS0001 | F5 | profile.studentCode.taken
          họ tên chỉ một chữ                  | An | Nam  | Kinh  |              | | A5 | import.name.oneWord
          """)
  void badValues(
      String what,
      String given,
      String sex,
      String ethnicity,
      String id,
      String code,
      String cell,
      String key) {
    String name = what.startsWith("họ tên chỉ") ? given : "Nguyễn Văn " + given;
    RowResult r =
        check(
                row(
                    5,
                    name,
                    "02/03/2014",
                    sex,
                    ethnicity,
                    id == null ? "" : id,
                    code == null ? "" : code,
                    "",
                    "",
                    ""))
            .getFirst();
    assertThat(r.errors()).extracting(ClassListCheck.CellError::cell).contains(cell);
    assertThat(r.errors()).extracting(ClassListCheck.CellError::messageKey).contains(key);
  }

  @Test
  void duplicatesAreFlaggedNotMerged() {
    List<RowResult> results =
        check(
            row(2, "Nguyễn Văn An", "02/03/2014", "Nam", "Kinh", ID_AN, "", "", "", ""),
            row(3, "Nguyễn  Văn  An", "02/03/2014", "Nam", "Kinh", "", "", "", "", ""),
            row(4, "Trần Văn An", "02/03/2014", "Nam", "Kinh", ID_AN, "", "", "", ""),
            row(5, "Lê Thị Hoa", "06/05/2014", "Nữ", "Kinh", "", "", "", "", ""));
    assertThat(results.get(0).valid()).isTrue();
    assertThat(results.get(1).errors().getFirst().messageKey())
        .isEqualTo("import.duplicate.nameInFile");
    assertThat(results.get(1).errors().getFirst().args()).containsExactly(2);
    assertThat(results.get(2).errors().getFirst().messageKey())
        .isEqualTo("import.duplicate.personalIdInFile");
    assertThat(results.get(3).errors().getFirst().messageKey())
        .isEqualTo("import.duplicate.nameInSchool");
  }

  @Test
  void parentsPhonesAreChecked() {
    RowResult r =
        check(row(2, "Nguyễn Văn An", "02/03/2014", "Nam", "Kinh", "", "", "", "", "12345"))
            .getFirst();
    assertThat(r.errors())
        .extracting(ClassListCheck.CellError::cell, ClassListCheck.CellError::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("I2", "import.phone.invalid"),
            org.assertj.core.groups.Tuple.tuple("H2", "import.guardian.nameMissing"));
  }

  @Test
  void headersOfAnotherSystemAreRecognisedAndTheRequiredOnesNamed() {
    XlsxRows.Row header =
        new XlsxRows.Row(
            1, List.of("STT", "Mã HS", "Họ và tên đệm", "Tên", "Ngày/tháng/năm sinh", "Giới tính"));
    Map<ImportColumn, Integer> mapping = ImportColumn.guess(header, Map.of());
    assertThat(mapping)
        .containsEntry(ImportColumn.STUDENT_CODE, 1)
        .containsEntry(ImportColumn.FAMILY_AND_MIDDLE, 2)
        .containsEntry(ImportColumn.GIVEN_NAME, 3)
        .containsEntry(ImportColumn.BIRTH_DATE, 4)
        .containsEntry(ImportColumn.SEX, 5)
        .hasSize(5);
    assertThat(ClassListCheck.missing(mapping)).containsExactly(ImportColumn.ETHNICITY);

    RowResult r =
        ClassListCheck.check(
                List.of(
                    new XlsxRows.Row(2, List.of("1", "", "Nguyễn Văn", "An", "02/03/2014", "Nam"))),
                new java.util.EnumMap<>(
                    Map.of(
                        ImportColumn.FAMILY_AND_MIDDLE, 2,
                        ImportColumn.GIVEN_NAME, 3,
                        ImportColumn.BIRTH_DATE, 4,
                        ImportColumn.SEX, 5)),
                LOOKUPS,
                TODAY)
            .getFirst();
    // Without an ethnicity column the row cannot pass: nothing is guessed silently.
    assertThat(r.errors())
        .extracting(ClassListCheck.CellError::messageKey)
        .containsExactly("profile.ethnicity.required");
  }

  static List<RowResult> check(XlsxRows.Row... rows) {
    return ClassListCheck.check(List.of(rows), TEMPLATE, LOOKUPS, TODAY);
  }

  /** Columns A–I: name, birth, sex, ethnicity, ID, code, policy, father, father's phone. */
  static XlsxRows.Row row(int number, String... cells) {
    return new XlsxRows.Row(number, new ArrayList<>(List.of(cells)));
  }

  static Map<ImportColumn, Integer> template() {
    Map<ImportColumn, Integer> m = new java.util.EnumMap<>(ImportColumn.class);
    m.put(ImportColumn.FULL_NAME, 0);
    m.put(ImportColumn.BIRTH_DATE, 1);
    m.put(ImportColumn.SEX, 2);
    m.put(ImportColumn.ETHNICITY, 3);
    m.put(ImportColumn.PERSONAL_ID, 4);
    m.put(ImportColumn.STUDENT_CODE, 5);
    m.put(ImportColumn.POLICY_STATUS, 6);
    m.put(ImportColumn.FATHER_NAME, 7);
    m.put(ImportColumn.FATHER_PHONE, 8);
    return m;
  }
}
