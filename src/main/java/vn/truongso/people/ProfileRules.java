package vn.truongso.people;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.InvalidInput;

/**
 * The checks on a student's profile, as pure functions: names of letters only and of sensible
 * length, a real birth date that fits a school child, the personal ID's structure against the date
 * of birth and sex, the health-insurance number's format, known codes and bounded free text.
 */
public final class ProfileRules {

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '.-]*");
  private static final Pattern STUDENT_CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
  // Mã thẻ BHYT: 2 letters + 13 digits (before 2025), or the 10-digit social insurance number.
  private static final Pattern HEALTH_INSURANCE = Pattern.compile("[A-Z]{2}\\d{13}|\\d{10}");
  private static final int MAX_AGE_YEARS = 25;

  private ProfileRules() {}

  /** The checked, cleaned values, or an {@link InvalidInput} naming every bad field. */
  public static Checked check(ProfileUpdate u, LocalDate today) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String family = name(u.familyName(), "familyName", 40, true, errors);
    String middle = name(u.middleName(), "middleName", 60, false, errors);
    String given = name(u.givenName(), "givenName", 40, true, errors);
    LocalDate birth = birthDate(u.birthDate(), today, errors);
    Sex sex = parse(Sex.class, u.sex());
    if (sex == null) {
      errors.add("sex", "profile.sex.required");
    }
    PolicyStatus policy = policyStatus(u.policyStatus(), errors);
    String personalId = trim(u.personalId());
    if (personalId != null) {
      PersonalId.problem(personalId, birth, sex).ifPresent(key -> errors.add("personalId", key));
    }
    String studentCode = studentCode(u.studentCode(), errors);
    String insurance = healthInsuranceNo(u.healthInsuranceNo(), errors);
    String nationality = text(u.nationality(), "nationality", 60, errors);
    String placeOfBirth = text(u.placeOfBirth(), "placeOfBirth", 200, errors);
    String homeTown = text(u.homeTown(), "homeTown", 200, errors);
    String permanentAddress = text(u.permanentAddress(), "permanentAddress", 300, errors);
    String currentAddress = text(u.currentAddress(), "currentAddress", 300, errors);
    String disability = text(u.disability(), "disability", 300, errors);
    if (blank(u.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    errors.throwIfAny();
    return new Checked(
        new vn.truongso.platform.PersonName(family, middle, given),
        birth,
        sex,
        u.ethnicityCode().strip(),
        trim(u.religionCode()),
        nationality,
        PersonalId.ofNullable(personalId),
        studentCode,
        placeOfBirth,
        homeTown,
        trim(u.permanentWardCode()),
        permanentAddress,
        trim(u.currentWardCode()),
        currentAddress,
        policy,
        disability,
        insurance);
  }

  /** A real day, neither in the future nor more than {@link #MAX_AGE_YEARS} ago. */
  private static LocalDate birthDate(String value, LocalDate today, InvalidInput.Collector errors) {
    if (blank(value)) {
      errors.add("birthDate", "profile.birthDate.required");
      return null;
    }
    try {
      LocalDate birth = LocalDate.parse(value.strip(), DAY);
      if (birth.isAfter(today) || birth.isBefore(today.minusYears(MAX_AGE_YEARS))) {
        errors.add("birthDate", "profile.birthDate.implausible", MAX_AGE_YEARS);
      }
      return birth;
    } catch (DateTimeParseException e) {
      errors.add("birthDate", "profile.birthDate.invalid");
      return null;
    }
  }

  private static PolicyStatus policyStatus(String value, InvalidInput.Collector errors) {
    if (blank(value)) {
      return null;
    }
    PolicyStatus policy = parse(PolicyStatus.class, value);
    if (policy == null) {
      errors.add("policyStatus", "profile.policy.unknown");
    }
    return policy;
  }

  private static String studentCode(String value, InvalidInput.Collector errors) {
    String code = trim(value);
    if (code != null && !STUDENT_CODE.matcher(code).matches()) {
      errors.add("studentCode", "profile.studentCode.invalid");
    }
    return code;
  }

  /** Upper case without spaces, as printed on the card. */
  private static String healthInsuranceNo(String value, InvalidInput.Collector errors) {
    String insurance = trim(value);
    if (insurance == null) {
      return null;
    }
    insurance = insurance.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
    if (!HEALTH_INSURANCE.matcher(insurance).matches()) {
      errors.add("healthInsuranceNo", "profile.healthInsurance.invalid");
    }
    return insurance;
  }

  /** The values that passed, ready to store. */
  public record Checked(
      vn.truongso.platform.PersonName name,
      LocalDate birthDate,
      Sex sex,
      String ethnicityCode,
      String religionCode,
      String nationality,
      @Nullable PersonalId personalId,
      String studentCode,
      String placeOfBirth,
      String homeTown,
      String permanentWardCode,
      String permanentAddress,
      String currentWardCode,
      String currentAddress,
      PolicyStatus policyStatus,
      String disability,
      String healthInsuranceNo) {}

  private static String name(
      String value, String field, int max, boolean required, InvalidInput.Collector errors) {
    String v =
        value == null
            ? ""
            : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ");
    if (v.isEmpty()) {
      if (required) {
        errors.add(field, "profile.name.required");
      }
      return v;
    }
    if (v.length() > max) {
      errors.add(field, "profile.name.tooLong", max);
    } else if (!NAME.matcher(v).matches()) {
      errors.add(field, "profile.name.letters");
    }
    return v;
  }

  private static String text(String value, String field, int max, InvalidInput.Collector errors) {
    String v = trim(value);
    if (v != null && v.length() > max) {
      errors.add(field, "profile.text.tooLong", max);
    }
    return v;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (blank(value)) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(value.strip()))
        .findFirst()
        .orElse(null);
  }

  private static String trim(String s) {
    return blank(s)
        ? null
        : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
