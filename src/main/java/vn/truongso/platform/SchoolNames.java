package vn.truongso.platform;

import java.util.Collection;
import java.util.Map;

/**
 * Names of schools by id, for platform pages (the audit log) that show them, and which schools the
 * database holds; org implements it.
 */
public interface SchoolNames {

  Map<Long, String> namesOf(Collection<Long> schoolIds);

  /** Every school in the database. */
  java.util.Set<Long> everySchool();
}
