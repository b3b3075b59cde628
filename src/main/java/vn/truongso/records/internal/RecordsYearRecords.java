package vn.truongso.records.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/**
 * The year's signed học bạ in the sealed archive (SL-CV: kept at least five years after the student
 * leaves): every version's facts as rows, and every sealed version's PDF/A and XML byte for byte
 * under {@code files/hocba/<class>/}, so that {@code verify-signature} checks them offline from the
 * archive alone. Versions signed by the homeroom teacher but never sealed were not published: their
 * facts are archived, their files are not.
 */
@Component
class RecordsYearRecords implements YearRecords {

  private static final String SEALED_OF_YEAR =
      " FROM hocba_seal s JOIN hocba_version v ON v.school_id = s.school_id"
          + " AND v.student_id = s.student_id AND v.start_year = s.start_year"
          + " AND v.version = s.version"
          + " JOIN school_class c ON c.school_id = v.school_id AND c.id = v.class_id"
          + " WHERE s.school_id = :school AND s.start_year = :year";

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "records.hocba",
        "SELECT v.student_id, v.start_year, v.version, v.class_id, v.content_sha256,"
            + " encode(sha256(v.xml), 'hex') AS signed_xml_sha256,"
            + " encode(sha256(v.pdf), 'hex') AS signed_pdf_sha256, v.signed_by,"
            + " v.signed_by_name, v.signed_at, s.sealed_by, s.sealed_by_name, s.sealed_as,"
            + " s.sealed_at, encode(sha256(s.xml), 'hex') AS sealed_xml_sha256,"
            + " encode(sha256(s.pdf), 'hex') AS sealed_pdf_sha256"
            + " FROM hocba_version v LEFT JOIN hocba_seal s ON s.school_id = v.school_id"
            + " AND s.student_id = v.student_id AND s.start_year = v.start_year"
            + " AND s.version = v.version"
            + " WHERE v.school_id = :school AND v.start_year = :year"
            + " ORDER BY v.student_id, v.version");
  }

  @Override
  public Map<String, String> files() {
    String path = "'hocba/' || c.name || '/hocba-' || s.student_id || '-v' || s.version";
    return Map.of(
        "records.hocba",
        "SELECT * FROM (SELECT "
            + path
            + " || '.xml' AS path, s.xml AS content"
            + SEALED_OF_YEAR
            + " UNION ALL SELECT "
            + path
            + " || '.pdf' AS path, s.pdf AS content"
            + SEALED_OF_YEAR
            + ") f ORDER BY path");
  }
}
