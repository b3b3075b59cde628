package vn.truongso.platform;

import java.util.Map;

/**
 * A module's share of a school year's sealed archive (issue 5 part 7): named queries over its own
 * tables, so that the archive holds all the year's data without the module that seals depending on
 * every module that keeps some of it.
 */
public interface YearRecords {

  /**
   * Narrows a class-keyed table aliased {@code x} to the rows of the year's classes: {@code SELECT
   * x.* FROM score_cell x} + this.
   */
  String OF_YEAR_CLASSES =
      " JOIN school_class c ON c.school_id = x.school_id AND c.id = x.class_id"
          + " WHERE x.school_id = :school AND c.start_year = :year";

  /**
   * Part name (the module's name, a dot, what it holds: {@code gradebook.scores}) → a SELECT with
   * the named parameters {@code :school} and {@code :year} (the school year's start), ordered so
   * that sealing the same data twice gives the same bytes.
   */
  Map<String, String> queries();

  /**
   * Files the year keeps as they are (the signed học bạ): part name → a SELECT of {@code path}
   * (text, unique in the part) and {@code content} (bytea) with {@code :school} and {@code :year},
   * ordered by path. Each goes into the archive under {@code files/<path>} with its SHA-256 in the
   * manifest, so a signed document is archived byte for byte and can be checked offline.
   */
  default Map<String, String> files() {
    return Map.of();
  }
}
