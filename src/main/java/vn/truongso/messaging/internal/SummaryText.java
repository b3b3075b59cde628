package vn.truongso.messaging.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.truongso.attendance.StudentAttendance;
import vn.truongso.gradebook.FamilyResults;

/**
 * The text of one student's periodic summary (DH-QT art. 3, "tin nhắn định kỳ"): the values
 * published since the family's last summary, the published averages, and the period's absences.
 * Only what {@link FamilyResults} gives is used, so nothing unpublished is ever put in a summary.
 */
@Component
class SummaryText {

  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy");

  private final MessageSource messages;

  SummaryText(MessageSource messages) {
    this.messages = messages;
  }

  /** A summary's title and body, and the values it showed (to tell the next one what is new). */
  record Summary(String title, String body, List<String> shown) {}

  Summary of(
      String name,
      String className,
      LocalDate from,
      LocalDate to,
      FamilyResults.@Nullable Year year,
      List<StudentAttendance.DayMark> marks,
      Set<String> shownBefore) {
    List<String> shown = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    List<String> averages = new ArrayList<>();
    if (year != null && year.secondary()) {
      for (FamilyResults.Subject s : year.subjects()) {
        List<String> news = new ArrayList<>();
        for (FamilyResults.Value v : s.values()) {
          String key = s.code() + "|" + v.term() + "|" + v.slot() + "|" + v.text();
          shown.add(key);
          if (!shownBefore.contains(key)) {
            news.add(text("gradebook.slot." + v.slot(), v.slot()) + " " + value(v.text()));
          }
        }
        if (!news.isEmpty()) {
          fresh.add(s.name() + ": " + String.join(", ", news));
        }
        for (Map.Entry<Integer, String> r : s.results().entrySet()) {
          averages.add(
              s.name()
                  + " "
                  + text("messaging.summary.term." + r.getKey(), "")
                  + ": "
                  + value(r.getValue()));
        }
      }
    }
    int excused = count(marks, "P");
    int unexcused = count(marks, "K");
    int late = count(marks, "M");
    String period = DAY.format(from) + " – " + DAY.format(to);
    StringBuilder body = new StringBuilder();
    body.append(text("messaging.summary.head", "", name, className, period)).append("\n\n");
    body.append(text("messaging.summary.new", ""))
        .append('\n')
        .append(fresh.isEmpty() ? text("messaging.summary.noNew", "") : String.join("\n", fresh))
        .append("\n\n");
    if (!averages.isEmpty()) {
      body.append(text("messaging.summary.averages", ""))
          .append('\n')
          .append(String.join("\n", averages))
          .append("\n\n");
    }
    body.append(text("messaging.summary.attendance", "", excused, unexcused, late));
    if (year != null && year.withheld() > 0) {
      body.append("\n\n").append(text("messaging.summary.withheld", ""));
    }
    return new Summary(text("messaging.summary.title", "", name, period), body.toString(), shown);
  }

  private String value(String text) {
    return switch (text) {
      case "DAT" -> text("messaging.summary.DAT", text);
      case "CHUA_DAT" -> text("messaging.summary.CHUA_DAT", text);
      case "ABSENT" -> text("messaging.summary.ABSENT", "");
      default -> text;
    };
  }

  private static int count(List<StudentAttendance.DayMark> marks, String kind) {
    return (int) marks.stream().filter(m -> m.kind().equals(kind)).count();
  }

  private String text(String key, String otherwise, Object... args) {
    return messages.getMessage(key, args, otherwise, VI);
  }
}
