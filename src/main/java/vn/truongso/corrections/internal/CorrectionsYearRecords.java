package vn.truongso.corrections.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/**
 * The year's correction requests, their cells, their evidence (name, type, size and SHA-256; the
 * files themselves stay in the database) and the principal's exceptions, for the sealed archive.
 */
@Component
class CorrectionsYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "corrections.requests",
        "SELECT * FROM correction_request WHERE school_id = :school AND start_year = :year"
            + " ORDER BY id",
        "corrections.items",
        "SELECT i.* FROM correction_item i JOIN correction_request r ON r.school_id = i.school_id"
            + " AND r.id = i.request_id WHERE i.school_id = :school AND r.start_year = :year"
            + " ORDER BY i.request_id, i.n",
        "corrections.evidence",
        "SELECT e.id, e.request_id, e.file_name, e.media_type, e.size_bytes,"
            + " encode(sha256(e.content), 'hex') AS sha256, e.uploaded_by, e.uploaded_at"
            + " FROM correction_evidence e JOIN correction_request r ON r.school_id = e.school_id"
            + " AND r.id = e.request_id WHERE e.school_id = :school AND r.start_year = :year"
            + " ORDER BY e.id",
        "corrections.exceptions",
        "SELECT * FROM correction_exception WHERE school_id = :school AND start_year = :year"
            + " ORDER BY id");
  }
}
