package vn.truongso.gradebook.internal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.SchoolLevel;

/**
 * Which classes keep this grade book: the school level of the class decides, so that primary (TT27)
 * and kindergarten books plug in by level. The pages of a class of another level answer that the
 * book is not available instead of showing the secondary columns.
 */
@Service
public class BookLevels {

  private final Classes classes;
  private final ScoreEntry entry;

  BookLevels(Classes classes, ScoreEntry entry) {
    this.classes = classes;
    this.entry = entry;
  }

  /** Whether the class's level keeps the secondary grade book (TT22 or TT58). */
  static boolean keepsSecondaryBook(Classes.SchoolClass c) {
    return SchoolLevel.ofGrade(c.grade()).keepsSecondaryBook();
  }

  /**
   * The class, when it exists, the current user may open its grade-book pages ({@code subject}: the
   * sheet they asked for, or null) and its level keeps no secondary book; empty otherwise, so the
   * page itself answers (and refuses whoever may not see the class, as it always has).
   */
  @Transactional(readOnly = true)
  public Optional<Classes.SchoolClass> withoutSecondaryBook(
      long schoolId, long classId, String subject) {
    return classes
        .schoolClass(schoolId, classId)
        .filter(c -> !keepsSecondaryBook(c))
        .filter(c -> entry.mayView(c) || subject != null && entry.mayEnter(c, subject));
  }
}
