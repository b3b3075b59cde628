package vn.truongso.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.AuditLog;

/**
 * The audit log as people read it: the action and the record named in words, the before and after
 * states as "field: value" lines instead of raw JSON, and personal ID numbers (12 digits, Decree
 * 356/2025) masked to their last three digits — the profile shows them to whoever may see it.
 */
final class AuditRows {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PERSONAL_ID = Pattern.compile("(?<!\\d)\\d{9}(\\d{3})(?!\\d)");
  private static final int MAX_VALUE = 160;

  private AuditRows() {}

  /** One entry of the page. */
  record Row(
      AuditLog.Entry entry,
      String action,
      String entity,
      String role,
      List<String> before,
      List<String> after) {}

  static List<Row> of(List<AuditLog.Entry> entries, MessageSource messages, Locale locale) {
    List<Row> rows = new ArrayList<>();
    for (AuditLog.Entry e : entries) {
      rows.add(
          new Row(
              e,
              messages.getMessage("audit.action." + e.action(), null, e.action(), locale),
              messages.getMessage("audit.entity." + e.entityType(), null, e.entityType(), locale)
                  + (e.entityId() == null ? "" : " " + e.entityId()),
              e.actorRole() == null
                  ? ""
                  : messages.getMessage("role." + e.actorRole(), null, e.actorRole(), locale),
              lines(e.before()),
              lines(e.after())));
    }
    return rows;
  }

  /** The state's fields as "field: value" lines, personal ID numbers masked. */
  static List<String> lines(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      JsonNode node = JSON.readTree(json);
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
          out.add(f.getKey() + ": " + value(f.getValue()));
        }
        return out;
      }
      return List.of(value(node));
    } catch (JacksonException e) {
      return List.of(mask(cut(json)));
    }
  }

  private static String value(JsonNode v) {
    String text = v.isValueNode() ? v.asString() : v.toString();
    return mask(cut(v.isNull() ? "—" : text));
  }

  static String mask(String text) {
    return PERSONAL_ID.matcher(text).replaceAll("*********$1");
  }

  private static String cut(String s) {
    return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…";
  }
}
