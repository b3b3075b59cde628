package vn.truongso.platform;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Vietnamese name: family name (họ), middle name (tên đệm) and given name (tên). Lists of people
 * sort by given name, then middle name, then family name, with Vietnamese collation ("An" before
 * "Ánh" before "Ân" before "Bình" … "Dũng" before "Đức").
 */
public record PersonName(String family, String middle, String given) {

  public static final Comparator<PersonName> VIETNAMESE_ORDER = vietnameseOrder();

  public PersonName {
    family = clean(family);
    middle = middle == null ? "" : clean(middle);
    given = clean(given);
  }

  /** Splits a full name written the Vietnamese way: first word family, last word given. */
  public static PersonName parse(String fullName) {
    String[] parts = clean(fullName).split(" ");
    if (parts.length == 1) {
      return new PersonName("", "", parts[0]);
    }
    String middle = String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
    return new PersonName(parts[0], middle, parts[parts.length - 1]);
  }

  public String full() {
    StringBuilder s = new StringBuilder(family);
    if (!middle.isEmpty()) {
      s.append(s.isEmpty() ? "" : " ").append(middle);
    }
    if (!given.isEmpty()) {
      s.append(s.isEmpty() ? "" : " ").append(given);
    }
    return s.toString();
  }

  private static String clean(@Nullable String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  private static Comparator<PersonName> vietnameseOrder() {
    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
    collator.setStrength(Collator.TERTIARY);
    Comparator<String> c = collator::compare;
    return Comparator.comparing(PersonName::given, c)
        .thenComparing(PersonName::middle, c)
        .thenComparing(PersonName::family, c);
  }
}
