package vn.truongso.architecture.planted.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Planted: every way of reading the wall clock without the Clock bean, one class each. */
public final class WallClockReads {
  private WallClockReads() {}

  public static final class DateInZone {
    LocalDate today() {
      return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
  }

  public static final class TimeOfDay {
    LocalTime time() {
      return LocalTime.now();
    }
  }

  public static final class Moment {
    Instant moment() {
      return Instant.now();
    }
  }

  public static final class ZonedMoment {
    ZonedDateTime moment() {
      return ZonedDateTime.now(ZoneId.of("UTC"));
    }
  }

  public static final class ThisYear {
    Year year() {
      return Year.now();
    }
  }

  public static final class ThisMonth {
    YearMonth month() {
      return YearMonth.now();
    }
  }

  public static final class SystemClock {
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  public static final class DefaultZoneClock {
    Clock clock() {
      return Clock.systemDefaultZone();
    }
  }

  public static final class ClockInZone {
    Clock clock() {
      return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
  }

  public static final class Millis {
    long millis() {
      return System.currentTimeMillis();
    }
  }

  /** Allowed: "now" asked of the injected clock. */
  public static final class FromTheClock {
    LocalDate today(Clock clock) {
      return LocalDate.now(clock);
    }

    Instant moment(Clock clock) {
      return clock.instant();
    }
  }
}
