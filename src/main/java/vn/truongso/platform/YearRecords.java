package vn.truongso.platform;

import java.util.Map;

/**
 * A module's share of a school year's sealed archive (issue 5 part 7): named queries over its own
 * tables, so that the archive holds all the year's data without the module that seals depending on
 * every module that keeps some of it.
 */
public interface YearRecords {

  /**
   * Part name (the module's name, a dot, what it holds: {@code gradebook.scores}) → a SELECT with
   * the named parameters {@code :school} and {@code :year} (the school year's start), ordered so
   * that sealing the same data twice gives the same bytes.
   */
  Map<String, String> queries();
}
