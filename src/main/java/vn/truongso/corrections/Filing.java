package vn.truongso.corrections;

import java.util.List;
import java.util.Map;

/**
 * A request as the form sends it: {@code proposed} maps "studentId:slot" to the value asked for;
 * blank values are cells left alone.
 */
public record Filing(
    long classId,
    String subject,
    int term,
    String reason,
    Map<String, String> proposed,
    List<Upload> evidence) {}
