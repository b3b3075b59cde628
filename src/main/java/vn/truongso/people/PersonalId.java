package vn.truongso.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The 12-digit personal identification number (số định danh cá nhân, Nghị định 137/2015/NĐ-CP art.
 * 13; Thông tư 07/2016/TT-BCA art. 7): 3 digits for the province where the birth was registered, 1
 * for sex and century of birth, 2 for the last digits of the birth year, 6 random digits.
 *
 * <p>A value always holds twelve ASCII digits; whether they fit the person's birth date and sex is
 * {@link #problem}'s to say, before a form's text becomes one. It reads and writes as its digits
 * (JSON, templates, SQL through {@link #value()}), so the audit log and the pages show what they
 * showed when the number was a string.
 */
public record PersonalId(String value) {

  private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

  /** Province codes of the 63 provinces in force when the numbers were issued (TT 07/2016). */
  static final Set<String> PROVINCES =
      Set.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  public PersonalId {
    if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
      throw new IllegalArgumentException("A personal ID has twelve digits");
    }
  }

  /**
   * The number from its digits, spaces around them ignored; anything else is a programming error.
   */
  public static PersonalId of(String digits) {
    return new PersonalId(digits.strip());
  }

  /** As {@link #of}, and null for a number not given (null or blank), which the columns allow. */
  public static @Nullable PersonalId ofNullable(@Nullable String digits) {
    return digits == null || digits.isBlank() ? null : of(digits);
  }

  /** The number in text as typed or read from a cell, if it is twelve digits; for look-ups only. */
  public static Optional<PersonalId> parse(@Nullable String typed) {
    String v = typed == null ? "" : typed.strip();
    return TWELVE_DIGITS.matcher(v).matches() ? Optional.of(new PersonalId(v)) : Optional.empty();
  }

  /** The digits, or null when there is no number: a form field, a spreadsheet cell, a column. */
  public static @Nullable String text(@Nullable PersonalId id) {
    return id == null ? null : id.value();
  }

  /** The message key of the first rule broken, or empty when the number fits the person. */
  public static Optional<String> problem(String value, LocalDate birthDate, Sex sex) {
    if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
      return Optional.of("personalId.format");
    }
    if (!PROVINCES.contains(value.substring(0, 3))) {
      return Optional.of("personalId.province");
    }
    int sexCentury = value.charAt(3) - '0';
    int centuryStart = centuryStart(sexCentury);
    boolean female = sexCentury % 2 == 1;
    if (birthDate != null) {
      int year = birthDate.getYear();
      if (year < centuryStart || year >= centuryStart + 100) {
        return Optional.of("personalId.century");
      }
      if (Integer.parseInt(value.substring(4, 6)) != year % 100) {
        return Optional.of("personalId.birthYear");
      }
    }
    if (sex != null && (sex == Sex.F) != female) {
      return Optional.of("personalId.sex");
    }
    return Optional.empty();
  }

  /** The digits a number starts with for a person born in that province, year and sex. */
  public static String prefix(String provinceCode, LocalDate birthDate, Sex sex) {
    int year = birthDate.getYear();
    int century = Math.floorDiv(year - 1900, 100);
    int digit = (century < 0 ? 8 : century * 2) + (sex == Sex.F ? 1 : 0);
    return provinceCode + digit + String.format("%02d", year % 100);
  }

  /** The digits: in JSON (the audit log's states) the number is its digits, as before. */
  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** The digits, so that a template showing the number shows what it showed before. */
  @Override
  public String toString() {
    return value;
  }

  // TT 07/2016 art. 7.2: 0/1 for 1900s, 2/3 for 2000s, 4/5 for 2100s, 6/7 for 2200s, 8/9 for 1800s.
  private static int centuryStart(int digit) {
    return digit >= 8 ? 1800 : 1900 + (digit / 2) * 100;
  }
}
