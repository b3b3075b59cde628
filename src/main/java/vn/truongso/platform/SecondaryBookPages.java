package vn.truongso.platform;

import java.util.List;

/**
 * School-wide pages of the secondary grade book (approvals, deadlines and locks, the year seal, the
 * leaders' checks, corrections), contributed as a bean by the module that owns them, as path
 * patterns naming the school as {@code {schoolId}}. For a school that keeps no secondary book (a
 * kindergarten, a primary school) they answer that the book is not available for its level before
 * any handler runs, and refuse writes; a school with a secondary level keeps them.
 */
public record SecondaryBookPages(List<String> patterns) {

  public SecondaryBookPages {
    patterns = List.copyOf(patterns);
  }

  public static SecondaryBookPages of(String... patterns) {
    return new SecondaryBookPages(List.of(patterns));
  }
}
