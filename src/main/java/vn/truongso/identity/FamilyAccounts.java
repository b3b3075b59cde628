package vn.truongso.identity;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The accounts a family signs in with, found from the students they hold a role over: what a module
 * that writes to families (messages) needs to address them, without reading identity's tables.
 */
public interface FamilyAccounts {

  /** The active guardian accounts over these students of a school, by student. */
  List<Holder> guardiansOf(long schoolId, Collection<Long> studentIds);

  /** The children the account is an active guardian of, in every school. */
  List<Child> childrenOf(long accountId);

  record Child(long schoolId, long studentId) {}

  /** Whether the account holds an active guardian role over the student. */
  boolean holds(long accountId, long schoolId, long studentId);

  /**
   * A guardian account over one student; {@code guardianId} is the school's guardian record the
   * account belongs to (for its e-mail address and phone), when it is linked to one of this school.
   */
  record Holder(long accountId, long studentId, String displayName, @Nullable Long guardianId) {}
}
