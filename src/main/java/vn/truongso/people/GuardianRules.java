package vn.truongso.people;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.InvalidInput;

/**
 * The checks on a guardian (PH-MN: "họ tên, năm sinh, nghề nghiệp, số điện thoại của cha, mẹ hoặc
 * người giám hộ"), as pure functions.
 */
public final class GuardianRules {

  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '.-]*");
  private static final Pattern PHONE = Pattern.compile("0\\d{9}");
  private static final Pattern ID = Pattern.compile("\\d{12}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  private GuardianRules() {}

  public record Checked(
      People.Relation relation,
      String fullName,
      Integer birthYear,
      String occupation,
      String phone,
      @Nullable PersonalId personalId,
      String email) {}

  public static Checked check(People.GuardianUpdate u, LocalDate today) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    People.Relation relation = null;
    try {
      relation = People.Relation.valueOf(u.relation() == null ? "" : u.relation().strip());
    } catch (IllegalArgumentException e) {
      errors.add("relation", "guardian.relation.required");
    }
    String name = clean(u.fullName());
    if (name == null) {
      errors.add("fullName", "profile.name.required");
    } else if (name.length() > 100) {
      errors.add("fullName", "profile.name.tooLong", 100);
    } else if (!NAME.matcher(name).matches()) {
      errors.add("fullName", "profile.name.letters");
    }
    Integer year = null;
    String yearText = clean(u.birthYear());
    if (yearText != null) {
      try {
        year = Integer.valueOf(yearText);
        if (year < today.getYear() - 100 || year > today.getYear() - 14) {
          errors.add("birthYear", "guardian.birthYear.implausible");
        }
      } catch (NumberFormatException e) {
        errors.add("birthYear", "guardian.birthYear.implausible");
      }
    }
    String occupation = clean(u.occupation());
    if (occupation != null && occupation.length() > 100) {
      errors.add("occupation", "profile.text.tooLong", 100);
    }
    String phone = clean(u.phone());
    if (phone != null) {
      phone = phone.replaceAll("[\\s.()-]", "");
      if (phone.startsWith("+84")) {
        phone = "0" + phone.substring(3);
      }
      if (!PHONE.matcher(phone).matches()) {
        errors.add("phone", "guardian.phone.invalid");
      }
    }
    String id = clean(u.personalId());
    if (id != null) {
      if (!ID.matcher(id).matches()) {
        errors.add("personalId", "personalId.format");
      } else if (year != null && !id.substring(4, 6).equals(String.format("%02d", year % 100))) {
        errors.add("personalId", "personalId.birthYear");
      }
    }
    String email = clean(u.email());
    if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      errors.add("email", "guardian.email.invalid");
    }
    errors.throwIfAny();
    return new Checked(relation, name, year, occupation, phone, PersonalId.ofNullable(id), email);
  }

  private static String clean(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }
}
