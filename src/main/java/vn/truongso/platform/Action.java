package vn.truongso.platform;

/**
 * Something a user may do. Each action is checked at one scope level: the target must name the
 * resource down to that level, and a role's scope is compared only down to it.
 */
public enum Action {
  // Organisation and schools
  VIEW_ORG_TREE(ScopeLevel.ORG),
  MANAGE_ORG(ScopeLevel.ORG),
  VIEW_SCHOOL(ScopeLevel.SCHOOL),
  VIEW_SCHOOL_STATISTICS(ScopeLevel.SCHOOL),
  MANAGE_SCHOOL_CALENDAR(ScopeLevel.SCHOOL),
  // Accounts and the log
  MANAGE_ACCOUNTS(ScopeLevel.SCHOOL),
  VIEW_SESSIONS(ScopeLevel.SCHOOL),
  VIEW_AUDIT_LOG(ScopeLevel.SCHOOL),
  /**
   * Backups of the database (BA-HBS art. 4.4): held for every school in the database, since a
   * backup holds them all.
   */
  MANAGE_BACKUPS(ScopeLevel.SCHOOL),
  // People and classes
  VIEW_STAFF_LIST(ScopeLevel.SCHOOL),
  EDIT_STAFF_PROFILE(ScopeLevel.SCHOOL),
  VIEW_CLASS_LIST(ScopeLevel.SCHOOL),
  MANAGE_CLASSES(ScopeLevel.SCHOOL),
  MANAGE_TEACHING_ASSIGNMENTS(ScopeLevel.CLASS_SUBJECT),
  VIEW_CLASS_ROSTER(ScopeLevel.CLASS),
  VIEW_STUDENT_BASIC(ScopeLevel.STUDENT),
  VIEW_STUDENT_PROFILE(ScopeLevel.STUDENT),
  EDIT_STUDENT_PROFILE(ScopeLevel.STUDENT),
  RECORD_MOVEMENT(ScopeLevel.STUDENT),
  VIEW_STUDENT_HEALTH(ScopeLevel.STUDENT),
  ENROL_STUDENTS(ScopeLevel.SCHOOL),
  EXPORT_PERSONAL_DATA(ScopeLevel.SCHOOL),
  // Grade book
  ENTER_SCORES(ScopeLevel.CLASS_SUBJECT),
  ENTER_CONDUCT(ScopeLevel.CLASS),
  ENTER_ATTENDANCE(ScopeLevel.CLASS),
  /** The daily roll of a class, its month's sheet and its warnings: leaders and the homeroom. */
  VIEW_ATTENDANCE(ScopeLevel.CLASS),
  /** The school's roll settings (sessions, free days, thresholds) and closing its months. */
  MANAGE_ATTENDANCE(ScopeLevel.SCHOOL),
  LOCK_GRADEBOOK(ScopeLevel.SCHOOL),
  /** Locking and opening on the principal's written instruction (the data administrator). */
  MANAGE_LOCKS(ScopeLevel.SCHOOL),
  APPROVE_RESULTS(ScopeLevel.SCHOOL),
  PRINT_BOOKS(ScopeLevel.SCHOOL),
  /** The homeroom teacher's signature on each student's year of the học bạ (BA-HBS, SL-CV). */
  SIGN_RECORDS(ScopeLevel.CLASS),
  /**
   * The school's seal on the signed học bạ: the principal, or the vice-principal the principal
   * delegates (SL-CV).
   */
  SEAL_RECORDS(ScopeLevel.SCHOOL),
  /**
   * The leaders' check of the grade book (DH-SD art. 5.2, BA-HBS art. 4): the correction log, entry
   * progress and anomalies, with the students' marks in them.
   */
  MONITOR_GRADEBOOK(ScopeLevel.SCHOOL),
  // Other school work
  MANAGE_FEES(ScopeLevel.SCHOOL),
  MANAGE_HEALTH(ScopeLevel.SCHOOL),
  /** A child's weight and length or height, and their growth chart (kindergarten). */
  RECORD_GROWTH(ScopeLevel.STUDENT),
  /**
   * The kindergarten's kitchen: foods, dishes, the week's menus against the nutrition norms, the
   * day's kitchen sheets (portions, market list, food checks).
   */
  MANAGE_KITCHEN(ScopeLevel.SCHOOL),
  /** A five-year-old's record against the child-development standard (kindergarten). */
  ASSESS_DEVELOPMENT(ScopeLevel.STUDENT),
  /** A child's day written for the family: meals, sleep, health, a photo (kindergarten). */
  WRITE_DAILY_NOTE(ScopeLevel.STUDENT),
  MANAGE_LIBRARY(ScopeLevel.SCHOOL),
  // Guardians and students
  VIEW_OWN_CHILD(ScopeLevel.STUDENT),
  /** A family's request for their child's absence (xin phép nghỉ), sent to the homeroom teacher. */
  REQUEST_ABSENCE(ScopeLevel.STUDENT),
  VIEW_OWN_RECORD(ScopeLevel.STUDENT),
  /** A family's message to the school (the homeroom teacher), and its replies to notices. */
  WRITE_TO_SCHOOL(ScopeLevel.STUDENT),
  // Messages to families
  /** Notices to the whole school, a grade, classes or chosen families (DH-QT art. 3). */
  SEND_NOTICES(ScopeLevel.SCHOOL),
  /** The homeroom teacher's notices to their class's families. */
  SEND_CLASS_NOTICES(ScopeLevel.CLASS),
  /** Health notices from the school nurse to a class or chosen families. */
  SEND_HEALTH_NOTICES(ScopeLevel.SCHOOL),
  /** The conversation with a student's family: the homeroom teacher and the leaders. */
  TALK_WITH_FAMILY(ScopeLevel.STUDENT),
  /** Releasing the periodic results summaries to families (DH-QT art. 3). */
  RELEASE_SUMMARIES(ScopeLevel.SCHOOL);

  private final ScopeLevel level;

  Action(ScopeLevel level) {
    this.level = level;
  }

  public ScopeLevel level() {
    return level;
  }

  /**
   * Whether the action works on the secondary grade book (entry, its deadlines and locks, approval,
   * the leaders' checks): its pages exist only in schools with a secondary level, so kindergarten
   * and primary staff are not offered them. Attendance and printing serve every level.
   */
  public boolean onSecondaryGradeBook() {
    return switch (this) {
      case ENTER_SCORES,
          ENTER_CONDUCT,
          LOCK_GRADEBOOK,
          MANAGE_LOCKS,
          APPROVE_RESULTS,
          MONITOR_GRADEBOOK ->
          true;
      default -> false;
    };
  }

  /** How finely an action's target is named. */
  public enum ScopeLevel {
    ORG,
    SCHOOL,
    CLASS,
    CLASS_SUBJECT,
    STUDENT
  }
}
