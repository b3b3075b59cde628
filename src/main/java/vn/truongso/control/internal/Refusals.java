package vn.truongso.control.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.truongso.control.EntryGate;
import vn.truongso.control.YearSeals;
import vn.truongso.platform.UserInputException;

/**
 * How a closed cell or a sealed year refuses a change: the message key with who locked or sealed it
 * and when (in Việt Nam's time), or the date that passed. The public types' {@code refusal} methods
 * say it through here, so the formats live in one place.
 */
public final class Refusals {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private Refusals() {}

  public static UserInputException sealed(YearSeals.Seal s) {
    return new UserInputException(
        "value",
        "control.sealed",
        s.startYear() + "–" + (s.startYear() + 1),
        s.sealedByName(),
        MOMENT.format(s.sealedAt().atZone(VIETNAM)));
  }

  public static UserInputException closed(EntryGate.Verdict v) {
    return switch (v.state()) {
      case OPEN -> throw new IllegalArgumentException("open");
      case LOCKED ->
          new UserInputException(
              "value",
              "control.locked",
              v.lock().lockedByName(),
              MOMENT.format(v.lock().lockedAt().atZone(VIETNAM)),
              v.lock().reason());
      case CLOSED -> new UserInputException("value", "control.closed", DAY.format(v.closesAfter()));
      case CUT_OFF ->
          new UserInputException("value", "control.cutOff", DAY.format(v.closesAfter()));
      case SEALED -> sealed(v.seal());
    };
  }
}
