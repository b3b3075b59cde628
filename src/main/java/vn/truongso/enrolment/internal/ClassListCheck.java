package vn.truongso.enrolment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.ProfileRules;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.people.Sex;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.TextFold;
import vn.truongso.platform.xlsx.XlsxRows;

/**
 * Checks every row of an imported class list, as a pure function: each bad value becomes a message
 * naming its cell; a row that repeats an earlier row, or a student the system already has (same
 * personal ID or student code anywhere, same name and date of birth in the school), is flagged and
 * never merged.
 */
public final class ClassListCheck {

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern PHONE = Pattern.compile("0\\d{9}");
  private static final int GUARDIAN_NAME_MAX = 100;

  private ClassListCheck() {}

  /** What the rows are compared with: the official lists and what the system already holds. */
  public record Lookups(
      Map<String, String> ethnicityByFoldedNameOrCode,
      Map<String, Sex> sexByFoldedLabel,
      Map<String, PolicyStatus> policyByFoldedLabel,
      Set<PersonalId> takenPersonalIds,
      Set<String> takenStudentCodes,
      Set<String> schoolNameBirthKeys) {}

  public record CellError(String cell, ImportColumn column, String messageKey, List<Object> args) {}

  public record GuardianInfo(String name, String phone) {}

  /** A row that passed: the checked profile, the form it came from, and the parents. */
  public record Candidate(
      ProfileRules.Checked profile,
      ProfileUpdate update,
      GuardianInfo father,
      GuardianInfo mother) {}

  public record RowResult(int rowNumber, String name, Candidate candidate, List<CellError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The fields a list cannot do without, for the mapping step. */
  public static Set<ImportColumn> missing(Map<ImportColumn, Integer> mapping) {
    Set<ImportColumn> missing = EnumSet.noneOf(ImportColumn.class);
    boolean splitName =
        mapping.containsKey(ImportColumn.FAMILY_AND_MIDDLE)
            && mapping.containsKey(ImportColumn.GIVEN_NAME);
    if (!mapping.containsKey(ImportColumn.FULL_NAME) && !splitName) {
      missing.add(ImportColumn.FULL_NAME);
    }
    for (ImportColumn c :
        List.of(ImportColumn.BIRTH_DATE, ImportColumn.SEX, ImportColumn.ETHNICITY)) {
      if (!mapping.containsKey(c)) {
        missing.add(c);
      }
    }
    return missing;
  }

  /** The key under which two rows are the same child by name and date of birth. */
  public static String nameBirthKey(PersonName name, LocalDate birthDate) {
    return TextFold.fold(name.full()) + "|" + birthDate;
  }

  public static List<RowResult> check(
      List<XlsxRows.Row> rows,
      Map<ImportColumn, Integer> mapping,
      Lookups lookups,
      LocalDate today) {
    List<RowResult> results = new ArrayList<>(rows.size());
    Map<PersonalId, Integer> personalIdRows = new HashMap<>();
    Map<String, Integer> codeRows = new HashMap<>();
    Map<String, Integer> nameBirthRows = new HashMap<>();
    for (XlsxRows.Row row : rows) {
      results.add(checkRow(row, mapping, lookups, today, personalIdRows, codeRows, nameBirthRows));
    }
    return results;
  }

  private static RowResult checkRow(
      XlsxRows.Row row,
      Map<ImportColumn, Integer> mapping,
      Lookups lookups,
      LocalDate today,
      Map<PersonalId, Integer> personalIdRows,
      Map<String, Integer> codeRows,
      Map<String, Integer> nameBirthRows) {
    List<CellError> errors = new ArrayList<>();
    Cells cells = new Cells(row, mapping, errors);

    NameParts name = nameParts(cells);
    Sex sex = sex(cells, lookups);
    String ethnicity = ethnicityCode(cells, lookups);
    PolicyStatus policy = policyStatus(cells, lookups);
    ProfileUpdate update = profileUpdate(cells, name, sex, ethnicity, policy);
    ProfileRules.Checked checked = checkProfile(update, today, cells);
    GuardianInfo father = guardian(cells, ImportColumn.FATHER_NAME, ImportColumn.FATHER_PHONE);
    GuardianInfo mother = guardian(cells, ImportColumn.MOTHER_NAME, ImportColumn.MOTHER_PHONE);

    if (checked != null) {
      duplicates(row, checked, cells, lookups, personalIdRows, codeRows, nameBirthRows);
    }
    Candidate candidate =
        errors.isEmpty() && checked != null ? new Candidate(checked, update, father, mother) : null;
    return new RowResult(row.number(), name.full(), candidate, List.copyOf(errors));
  }

  /** The name as the profile form wants it: family, middle and given names. */
  private record NameParts(String family, String middle, String given) {
    String full() {
      return String.join(" ", family, middle, given).replaceAll("\\s+", " ").strip();
    }
  }

  /**
   * A full name is split at its first and last word; a list with separate columns gives the given
   * name as is and splits the rest at its first space.
   */
  private static NameParts nameParts(Cells cells) {
    if (cells.mapping.containsKey(ImportColumn.FULL_NAME)) {
      String full = cells.value(ImportColumn.FULL_NAME);
      String[] words = full.isBlank() ? new String[0] : full.strip().split("\\s+");
      String family = words.length > 0 ? words[0] : "";
      String given = words.length > 1 ? words[words.length - 1] : "";
      String middle =
          words.length > 2 ? String.join(" ", List.of(words).subList(1, words.length - 1)) : "";
      if (words.length == 1) {
        cells.error(ImportColumn.FULL_NAME, "import.name.oneWord");
      }
      return new NameParts(family, middle, given);
    }
    String head = cells.value(ImportColumn.FAMILY_AND_MIDDLE).strip();
    int space = head.indexOf(' ');
    String family = space < 0 ? head : head.substring(0, space);
    String middle = space < 0 ? "" : head.substring(space + 1);
    return new NameParts(family, middle, cells.value(ImportColumn.GIVEN_NAME));
  }

  private static Sex sex(Cells cells, Lookups lookups) {
    String text = cells.value(ImportColumn.SEX);
    Sex sex = lookups.sexByFoldedLabel().get(TextFold.fold(text));
    if (!text.isBlank() && sex == null) {
      cells.error(ImportColumn.SEX, "import.sex.unknown");
    }
    return sex;
  }

  /** The ethnic group's code; "" for an empty cell, null for one that matched no group. */
  private static String ethnicityCode(Cells cells, Lookups lookups) {
    String text = cells.value(ImportColumn.ETHNICITY);
    String code = lookups.ethnicityByFoldedNameOrCode().get(TextFold.fold(text));
    if (!text.isBlank() && code == null) {
      cells.error(ImportColumn.ETHNICITY, "import.ethnicity.unknown");
    }
    return code == null && text.isBlank() ? "" : code;
  }

  private static PolicyStatus policyStatus(Cells cells, Lookups lookups) {
    String text = cells.value(ImportColumn.POLICY_STATUS);
    PolicyStatus policy = lookups.policyByFoldedLabel().get(TextFold.fold(text));
    if (!text.isBlank() && policy == null) {
      cells.error(ImportColumn.POLICY_STATUS, "profile.policy.unknown");
    }
    return policy;
  }

  /** The row as the profile form a person would have typed, so the same rules check both. */
  private static ProfileUpdate profileUpdate(
      Cells cells, NameParts name, Sex sex, String ethnicity, PolicyStatus policy) {
    return ProfileUpdate.newStudent(
            name.family(),
            name.middle(),
            name.given(),
            cells.value(ImportColumn.BIRTH_DATE),
            sex == null ? "" : sex.name(),
            ethnicity)
        .ids(
            paddedId(cells.value(ImportColumn.PERSONAL_ID)), cells.value(ImportColumn.STUDENT_CODE))
        .origin(cells.value(ImportColumn.PLACE_OF_BIRTH), cells.value(ImportColumn.HOME_TOWN))
        .currentAddress(cells.value(ImportColumn.CURRENT_ADDRESS))
        .policyStatus(policy == null ? null : policy.name())
        .build();
  }

  /** The profile's own rules; each of their errors is put on the cell its field came from. */
  private static ProfileRules.Checked checkProfile(
      ProfileUpdate update, LocalDate today, Cells cells) {
    try {
      return ProfileRules.check(update, today);
    } catch (InvalidInput e) {
      for (InvalidInput.FieldError fe : e.errors()) {
        ImportColumn column = columnOf(fe.field(), cells.mapping);
        // The raw text already failed its own look-up: one message per cell is enough.
        if (!cells.hasError(column)) {
          cells.error(column, fe.messageKey(), fe.args().toArray());
        }
      }
      return null;
    }
  }

  private static void duplicates(
      XlsxRows.Row row,
      ProfileRules.Checked p,
      Cells cells,
      Lookups lookups,
      Map<PersonalId, Integer> personalIdRows,
      Map<String, Integer> codeRows,
      Map<String, Integer> nameBirthRows) {
    if (p.personalId() != null) {
      Integer earlier = personalIdRows.putIfAbsent(p.personalId(), row.number());
      if (earlier != null) {
        cells.error(ImportColumn.PERSONAL_ID, "import.duplicate.personalIdInFile", earlier);
      } else if (lookups.takenPersonalIds().contains(p.personalId())) {
        cells.error(ImportColumn.PERSONAL_ID, "personalId.taken");
      }
    }
    if (p.studentCode() != null) {
      Integer earlier = codeRows.putIfAbsent(p.studentCode(), row.number());
      if (earlier != null) {
        cells.error(ImportColumn.STUDENT_CODE, "import.duplicate.codeInFile", earlier);
      } else if (lookups.takenStudentCodes().contains(p.studentCode())) {
        cells.error(ImportColumn.STUDENT_CODE, "profile.studentCode.taken");
      }
    }
    String key = nameBirthKey(p.name(), p.birthDate());
    Integer earlier = nameBirthRows.putIfAbsent(key, row.number());
    ImportColumn nameColumn =
        cells.mapping.containsKey(ImportColumn.FULL_NAME)
            ? ImportColumn.FULL_NAME
            : ImportColumn.GIVEN_NAME;
    if (earlier != null) {
      cells.error(nameColumn, "import.duplicate.nameInFile", earlier);
    } else if (lookups.schoolNameBirthKeys().contains(key)) {
      cells.error(nameColumn, "import.duplicate.nameInSchool");
    }
  }

  private static GuardianInfo guardian(
      Cells cells, ImportColumn nameColumn, ImportColumn phoneColumn) {
    String name =
        java.text.Normalizer.normalize(cells.value(nameColumn), java.text.Normalizer.Form.NFC)
            .strip()
            .replaceAll("\\s+", " ");
    String phone = cells.value(phoneColumn).replaceAll("[\\s.()-]", "");
    if (phone.startsWith("+84")) {
      phone = "0" + phone.substring(3);
    } else if (DIGITS.matcher(phone).matches() && phone.length() == 9) {
      phone = "0" + phone; // a number cell loses the leading zero
    }
    if (name.length() > GUARDIAN_NAME_MAX) {
      cells.error(nameColumn, "profile.text.tooLong", GUARDIAN_NAME_MAX);
    } else if (!name.isEmpty() && !name.matches("[\\p{L}][\\p{L}\\p{M} '.-]*")) {
      cells.error(nameColumn, "profile.name.letters");
    }
    if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
      cells.error(phoneColumn, "import.phone.invalid");
    }
    if (name.isEmpty()) {
      if (!phone.isEmpty()) {
        cells.error(nameColumn, "import.guardian.nameMissing");
      }
      return null;
    }
    return new GuardianInfo(name, phone.isEmpty() ? null : phone);
  }

  /** A 12-digit ID typed into a number cell loses its leading zeros (Hà Nội is 001). */
  private static String paddedId(String id) {
    String v = id.strip();
    if (DIGITS.matcher(v).matches() && (v.length() == 10 || v.length() == 11)) {
      return "0".repeat(12 - v.length()) + v;
    }
    return v;
  }

  private static ImportColumn columnOf(String field, Map<ImportColumn, Integer> mapping) {
    return switch (field) {
      case "familyName", "middleName" ->
          mapping.containsKey(ImportColumn.FULL_NAME)
              ? ImportColumn.FULL_NAME
              : ImportColumn.FAMILY_AND_MIDDLE;
      case "givenName" ->
          mapping.containsKey(ImportColumn.FULL_NAME)
              ? ImportColumn.FULL_NAME
              : ImportColumn.GIVEN_NAME;
      case "birthDate" -> ImportColumn.BIRTH_DATE;
      case "sex" -> ImportColumn.SEX;
      case "ethnicityCode" -> ImportColumn.ETHNICITY;
      case "personalId" -> ImportColumn.PERSONAL_ID;
      case "studentCode" -> ImportColumn.STUDENT_CODE;
      case "placeOfBirth" -> ImportColumn.PLACE_OF_BIRTH;
      case "homeTown" -> ImportColumn.HOME_TOWN;
      case "currentAddress" -> ImportColumn.CURRENT_ADDRESS;
      case "policyStatus" -> ImportColumn.POLICY_STATUS;
      default -> ImportColumn.FULL_NAME;
    };
  }

  /** The row's values by field, and its errors by cell. */
  private static final class Cells {
    final XlsxRows.Row row;
    final Map<ImportColumn, Integer> mapping;
    final List<CellError> errors;

    Cells(XlsxRows.Row row, Map<ImportColumn, Integer> mapping, List<CellError> errors) {
      this.row = row;
      this.mapping = mapping;
      this.errors = errors;
    }

    String value(ImportColumn c) {
      Integer column = mapping.get(c);
      return column == null ? "" : row.cell(column).strip();
    }

    boolean hasError(ImportColumn c) {
      return errors.stream().anyMatch(e -> e.column() == c);
    }

    void error(ImportColumn c, String key, Object... args) {
      Integer column = mapping.get(c);
      String cell = column == null ? "" : XlsxRows.cellName(column, row.number());
      errors.add(new CellError(cell, c, key, List.of(args)));
    }
  }
}
