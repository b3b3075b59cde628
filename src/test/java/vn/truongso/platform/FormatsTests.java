package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Dates as dd/MM/yyyy in Việt Nam's time zone; a decimal comma in Vietnamese. */
class FormatsTests {

  final Formats fmt = new Formats();

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void writesDatesDayFirst() {
    assertThat(fmt.date(LocalDate.of(2026, 9, 5))).isEqualTo("05/09/2026");
  }

  @Test
  void writesTimesInVietnam() {
    assertThat(fmt.dateTime(Instant.parse("2026-11-22T17:30:00Z")))
        .isEqualTo("23/11/2026 00:30:00");
  }

  @Test
  void usesADecimalCommaInVietnameseAndAPointInEnglish() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    assertThat(fmt.decimal(new BigDecimal("8.5"), 1)).isEqualTo("8,5");
    assertThat(fmt.integer(1234567)).isEqualTo("1.234.567");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(fmt.decimal(new BigDecimal("8.5"), 1)).isEqualTo("8.5");
  }
}
