package vn.truongso.platform;

import java.util.Collection;
import java.util.Map;

/** Names of schools by id, for platform pages (the audit log) that show them; org implements it. */
public interface SchoolNames {

  Map<Long, String> namesOf(Collection<Long> schoolIds);
}
