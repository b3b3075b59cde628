package vn.truongso.people;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.PersonName;

/**
 * The checks on a staff profile, as pure functions: a working-age date of birth, the personal ID
 * against it, known positions, qualifications and kinds of employment, a start date not in the
 * future.
 */
public final class StaffRules {

  public static final Set<String> POSITIONS =
      Set.of(
          "PRINCIPAL",
          "VICE_PRINCIPAL",
          "TEACHER",
          "CLERK",
          "ACCOUNTANT",
          "NURSE",
          "COOK",
          "LIBRARIAN");

  /** Trình độ đào tạo (Law on Education 2019 art. 72 for teachers' standard). */
  public static final java.util.List<String> QUALIFICATIONS =
      java.util.List.of("INTERMEDIATE", "COLLEGE", "BACHELOR", "MASTER", "DOCTORATE", "OTHER");

  /** Viên chức (biên chế), hợp đồng lao động, thỉnh giảng. */
  public static final java.util.List<String> EMPLOYMENT_TYPES =
      java.util.List.of("PUBLIC_EMPLOYEE", "CONTRACT", "VISITING");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '.-]*");
  private static final Pattern PHONE = Pattern.compile("0\\d{9}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final Pattern GROUP = Pattern.compile("[A-Z0-9_]{1,30}");

  private StaffRules() {}

  public record Checked(
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      String ethnicityCode,
      @Nullable PersonalId personalId,
      String phone,
      String email,
      String position,
      String subjectGroup,
      String mainSubject,
      String qualification,
      String employmentType,
      LocalDate startDate) {}

  public static Checked check(People.StaffUpdate u, LocalDate today) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String family = name(u.familyName(), "familyName", true, errors);
    String middle = name(u.middleName(), "middleName", false, errors);
    String given = name(u.givenName(), "givenName", true, errors);
    Sex sex = sex(u.sex(), errors);
    LocalDate birth = birthDate(u.birthDate(), today, errors);
    String id = clean(u.personalId());
    if (id != null) {
      PersonalId.problem(id, birth, sex).ifPresent(key -> errors.add("personalId", key));
    }
    String phone = phone(u.phone(), errors);
    String email = email(u.email(), errors);
    String position = clean(u.position());
    if (position == null || !POSITIONS.contains(position)) {
      errors.add("position", "staff.position.required");
    }
    String group = clean(u.subjectGroup());
    if (group != null && !GROUP.matcher(group).matches()) {
      errors.add("subjectGroup", "staff.group.unknown");
    }
    String subject = clean(u.mainSubject());
    if (subject != null && subject.length() > 100) {
      errors.add("mainSubject", "profile.text.tooLong", 100);
    }
    String qualification = qualification(u.qualification(), errors);
    String employment = employmentType(u.employmentType(), errors);
    LocalDate start = startDate(u.startDate(), today, errors);
    String ethnicity = clean(u.ethnicityCode());
    errors.throwIfAny();
    return new Checked(
        new PersonName(family, middle, given),
        birth,
        sex,
        ethnicity,
        PersonalId.ofNullable(id),
        phone,
        email,
        position,
        group,
        subject,
        qualification,
        employment,
        start);
  }

  private static Sex sex(String value, InvalidInput.Collector errors) {
    try {
      return Sex.valueOf(clean(value) == null ? "" : clean(value));
    } catch (IllegalArgumentException e) {
      errors.add("sex", "profile.sex.required");
      return null;
    }
  }

  /** Of working age: 18 to 70 years before today. */
  private static LocalDate birthDate(String value, LocalDate today, InvalidInput.Collector errors) {
    LocalDate birth = date(value, "birthDate", errors);
    if (birth != null
        && (birth.isAfter(today.minusYears(18)) || birth.isBefore(today.minusYears(70)))) {
      errors.add("birthDate", "staff.birthDate.implausible");
    }
    return birth;
  }

  /** A Vietnamese mobile number, the separators people type removed. */
  private static String phone(String value, InvalidInput.Collector errors) {
    String phone = clean(value);
    if (phone == null) {
      return null;
    }
    phone = phone.replaceAll("[\\s.()-]", "");
    if (!PHONE.matcher(phone).matches()) {
      errors.add("phone", "guardian.phone.invalid");
    }
    return phone;
  }

  private static String email(String value, InvalidInput.Collector errors) {
    String email = clean(value);
    if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      errors.add("email", "guardian.email.invalid");
    }
    return email;
  }

  private static String qualification(String value, InvalidInput.Collector errors) {
    return listed(value, QUALIFICATIONS, "qualification", "staff.qualification.unknown", errors);
  }

  private static String employmentType(String value, InvalidInput.Collector errors) {
    return listed(value, EMPLOYMENT_TYPES, "employmentType", "staff.employment.unknown", errors);
  }

  private static LocalDate startDate(String value, LocalDate today, InvalidInput.Collector errors) {
    LocalDate start = date(value, "startDate", errors);
    if (start != null && start.isAfter(today)) {
      errors.add("startDate", "staff.startDate.future");
    }
    return start;
  }

  /** An optional value that, when given, must be one of the list's. */
  private static String listed(
      String value,
      java.util.List<String> allowed,
      String field,
      String key,
      InvalidInput.Collector errors) {
    String v = clean(value);
    if (v != null && !allowed.contains(v)) {
      errors.add(field, key);
    }
    return v;
  }

  private static LocalDate date(String value, String field, InvalidInput.Collector errors) {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v, DAY);
    } catch (DateTimeParseException e) {
      errors.add(field, "profile.birthDate.invalid");
      return null;
    }
  }

  private static String name(
      String value, String field, boolean required, InvalidInput.Collector errors) {
    String v = clean(value);
    if (v == null) {
      if (required) {
        errors.add(field, "profile.name.required");
      }
      return "";
    }
    if (v.length() > 40 && !field.equals("middleName") || v.length() > 60) {
      errors.add(field, "profile.name.tooLong", field.equals("middleName") ? 60 : 40);
    } else if (!NAME.matcher(v).matches()) {
      errors.add(field, "profile.name.letters");
    }
    return v;
  }

  private static String clean(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }
}
