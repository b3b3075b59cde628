package vn.truongso.identity;

import static vn.truongso.platform.Action.*;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.truongso.platform.Action;
import vn.truongso.platform.Action.ScopeLevel;

/**
 * The rules behind every authorisation decision, as pure functions: which actions each role holds,
 * and whether a role assignment's scope covers a target. A grant covers a target when the target
 * lies under the grant's organisation unit and every part of the grant's scope that the action's
 * level names (school, class, subject, student) is the target's own.
 */
public final class AccessRules {

  private static final Map<Role, Set<Action>> ACTIONS = new EnumMap<>(Role.class);

  static {
    // The school's records, seen and kept: what the leaders and the data admin both hold.
    Set<Action> schoolRecords =
        EnumSet.of(
            VIEW_SCHOOL,
            VIEW_SCHOOL_STATISTICS,
            VIEW_AUDIT_LOG,
            VIEW_STAFF_LIST,
            EDIT_STAFF_PROFILE,
            VIEW_CLASS_LIST,
            VIEW_CLASS_ROSTER,
            VIEW_STUDENT_BASIC,
            VIEW_STUDENT_PROFILE,
            EDIT_STUDENT_PROFILE,
            RECORD_MOVEMENT,
            PRINT_BOOKS,
            VIEW_ATTENDANCE);
    Set<Action> schoolLeader = EnumSet.copyOf(schoolRecords);
    schoolLeader.addAll(
        EnumSet.of(
            MONITOR_GRADEBOOK,
            SEND_NOTICES,
            SEND_CLASS_NOTICES,
            SEND_HEALTH_NOTICES,
            TALK_WITH_FAMILY,
            RELEASE_SUMMARIES,
            RECORD_GROWTH,
            MANAGE_KITCHEN,
            ASSESS_DEVELOPMENT));
    ACTIONS.put(
        Role.SYSTEM_ADMIN,
        EnumSet.of(
            VIEW_ORG_TREE,
            MANAGE_ORG,
            VIEW_SCHOOL,
            VIEW_SCHOOL_STATISTICS,
            MANAGE_SCHOOL_CALENDAR,
            MANAGE_ACCOUNTS,
            VIEW_SESSIONS,
            VIEW_AUDIT_LOG,
            MANAGE_BACKUPS,
            VIEW_STAFF_LIST,
            VIEW_CLASS_LIST));
    ACTIONS.put(
        Role.PROVINCE_OFFICER, EnumSet.of(VIEW_ORG_TREE, VIEW_SCHOOL, VIEW_SCHOOL_STATISTICS));
    // The ward office appoints principals, so it manages their accounts (AccountAuthority says
    // which).
    ACTIONS.put(
        Role.DISTRICT_OFFICER,
        EnumSet.of(VIEW_ORG_TREE, VIEW_SCHOOL, VIEW_SCHOOL_STATISTICS, MANAGE_ACCOUNTS));
    Set<Action> principal = EnumSet.copyOf(schoolLeader);
    principal.addAll(
        EnumSet.of(
            MANAGE_ACCOUNTS,
            VIEW_SESSIONS,
            MANAGE_SCHOOL_CALENDAR,
            MANAGE_CLASSES,
            MANAGE_TEACHING_ASSIGNMENTS,
            LOCK_GRADEBOOK,
            APPROVE_RESULTS,
            SEAL_RECORDS,
            ENROL_STUDENTS,
            EXPORT_PERSONAL_DATA,
            MANAGE_ATTENDANCE));
    ACTIONS.put(Role.PRINCIPAL, principal);
    Set<Action> vice = EnumSet.copyOf(schoolLeader);
    vice.addAll(EnumSet.of(MANAGE_CLASSES, MANAGE_TEACHING_ASSIGNMENTS, ENROL_STUDENTS));
    ACTIONS.put(Role.VICE_PRINCIPAL, vice);
    ACTIONS.put(
        Role.RESULTS_APPROVER,
        EnumSet.of(VIEW_SCHOOL, VIEW_CLASS_LIST, VIEW_CLASS_ROSTER, APPROVE_RESULTS, SEAL_RECORDS));
    Set<Action> dataAdmin = EnumSet.copyOf(schoolRecords);
    dataAdmin.addAll(
        EnumSet.of(
            MANAGE_ACCOUNTS,
            VIEW_SESSIONS,
            MANAGE_CLASSES,
            ENROL_STUDENTS,
            MANAGE_LOCKS,
            MANAGE_BACKUPS,
            MANAGE_ATTENDANCE));
    ACTIONS.put(Role.DATA_ADMIN, dataAdmin);
    ACTIONS.put(
        Role.HEAD_OF_GROUP,
        EnumSet.of(VIEW_SCHOOL, VIEW_STAFF_LIST, VIEW_CLASS_LIST, MANAGE_TEACHING_ASSIGNMENTS));
    ACTIONS.put(
        Role.HOMEROOM_TEACHER,
        EnumSet.of(
            VIEW_SCHOOL,
            VIEW_CLASS_ROSTER,
            VIEW_STUDENT_BASIC,
            VIEW_STUDENT_PROFILE,
            EDIT_STUDENT_PROFILE,
            RECORD_MOVEMENT,
            ENTER_CONDUCT,
            ENTER_ATTENDANCE,
            VIEW_ATTENDANCE,
            SIGN_RECORDS,
            SEND_CLASS_NOTICES,
            TALK_WITH_FAMILY,
            RECORD_GROWTH,
            ASSESS_DEVELOPMENT,
            WRITE_DAILY_NOTE));
    ACTIONS.put(
        Role.SUBJECT_TEACHER,
        EnumSet.of(VIEW_SCHOOL, VIEW_CLASS_ROSTER, VIEW_STUDENT_BASIC, ENTER_SCORES));
    ACTIONS.put(
        Role.CLERK,
        EnumSet.of(
            VIEW_SCHOOL,
            VIEW_STUDENT_BASIC,
            VIEW_STAFF_LIST,
            EDIT_STAFF_PROFILE,
            VIEW_CLASS_LIST,
            VIEW_STUDENT_PROFILE,
            EDIT_STUDENT_PROFILE,
            RECORD_MOVEMENT,
            ENROL_STUDENTS,
            PRINT_BOOKS));
    ACTIONS.put(Role.ACCOUNTANT, EnumSet.of(VIEW_SCHOOL, VIEW_CLASS_LIST, MANAGE_FEES));
    ACTIONS.put(
        Role.NURSE,
        EnumSet.of(
            VIEW_SCHOOL,
            VIEW_CLASS_LIST,
            VIEW_STUDENT_HEALTH,
            MANAGE_HEALTH,
            VIEW_CLASS_ROSTER,
            SEND_HEALTH_NOTICES,
            RECORD_GROWTH));
    ACTIONS.put(Role.COOK, EnumSet.of(VIEW_SCHOOL, MANAGE_KITCHEN));
    ACTIONS.put(Role.NOTICE_SENDER, EnumSet.of(VIEW_SCHOOL, VIEW_CLASS_LIST, SEND_NOTICES));
    ACTIONS.put(Role.LIBRARIAN, EnumSet.of(VIEW_SCHOOL, MANAGE_LIBRARY));
    // Exporting personal data is a permission of its own, granted by name (Decree 356/2025).
    ACTIONS.put(Role.DATA_EXPORTER, EnumSet.of(VIEW_SCHOOL, EXPORT_PERSONAL_DATA));
    ACTIONS.put(Role.GUARDIAN, EnumSet.of(VIEW_OWN_CHILD, REQUEST_ABSENCE, WRITE_TO_SCHOOL));
    ACTIONS.put(Role.STUDENT, EnumSet.of(VIEW_OWN_RECORD));
  }

  private AccessRules() {}

  public static Set<Action> actionsOf(Role role) {
    return ACTIONS.get(role);
  }

  /**
   * Deny by default: permitted only when some grant's role holds the action and covers the target.
   */
  public static boolean permits(Collection<Grant> grants, Action action, ResolvedTarget target) {
    for (Grant g : grants) {
      if (ACTIONS.get(g.role()).contains(action) && covers(g, action.level(), target)) {
        return true;
      }
    }
    return false;
  }

  /** The roles among the grants that hold the action and cover the target. */
  public static Set<Role> rolesPermitting(
      Collection<Grant> grants, Action action, ResolvedTarget target) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Grant g : grants) {
      if (ACTIONS.get(g.role()).contains(action) && covers(g, action.level(), target)) {
        roles.add(g.role());
      }
    }
    return roles;
  }

  static boolean covers(Grant g, ScopeLevel level, ResolvedTarget t) {
    if (t.orgPath() == null || g.orgPath() == null || !t.orgPath().startsWith(g.orgPath())) {
      return false;
    }
    if (level == ScopeLevel.ORG) {
      // Actions on organisation units belong to organisation-wide roles only.
      return g.schoolId() == null;
    }
    if (g.schoolId() != null && !g.schoolId().equals(t.schoolId())) {
      return false;
    }
    if (level == ScopeLevel.SCHOOL) {
      return true;
    }
    if (g.studentId() != null) {
      // A guardian's or student's role reaches that one student and nothing wider.
      return level == ScopeLevel.STUDENT && g.studentId().equals(t.studentId());
    }
    if (g.classId() != null && !g.classId().equals(t.classId())) {
      return false;
    }
    if (level == ScopeLevel.CLASS_SUBJECT
        && g.subjectCode() != null
        && !g.subjectCode().equals(t.subjectCode())) {
      return false;
    }
    return g.schoolYear() == null
        || t.schoolYear() == null
        || Objects.equals(g.schoolYear(), t.schoolYear());
  }

  /** A target with the organisation path of the unit (or school) it belongs to. */
  public record ResolvedTarget(
      String orgPath,
      Long schoolId,
      Long classId,
      String subjectCode,
      Integer schoolYear,
      Long studentId) {}
}
