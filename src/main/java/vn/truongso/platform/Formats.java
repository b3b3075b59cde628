package vn.truongso.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How dates and numbers are written on pages and prints: {@code dd/MM/yyyy}, time in Việt Nam, and
 * a decimal comma ({@code 8,5}) in Vietnamese. Templates call it as {@code ${@fmt.date(d)}}.
 */
@Component("fmt")
public class Formats {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  public String date(@Nullable LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public String dateTime(@Nullable Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
  }

  public String decimal(@Nullable BigDecimal value, int fractionDigits) {
    if (value == null) {
      return "";
    }
    Locale locale = LocaleContextHolder.getLocale();
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
    if (!"en".equals(locale.getLanguage())) {
      symbols.setDecimalSeparator(',');
      symbols.setGroupingSeparator('.');
    }
    DecimalFormat format = new DecimalFormat("#,##0", symbols);
    format.setMinimumFractionDigits(fractionDigits);
    format.setMaximumFractionDigits(fractionDigits);
    return format.format(value);
  }

  public String integer(long value) {
    return decimal(BigDecimal.valueOf(value), 0);
  }
}
