package vn.truongso.platform;

import java.util.Collection;
import java.util.Set;

/**
 * Which schools keep the secondary grade book: those that provide lower or upper secondary. Org
 * implements it from the schools' levels, so the navigation offers grade-book pages only where they
 * exist (a kindergarten or primary school has its own books).
 */
public interface SecondaryBookSchools {

  /** Those of {@code schoolIds} that keep the secondary grade book. */
  Set<Long> keepingSecondaryBook(Collection<Long> schoolIds);
}
