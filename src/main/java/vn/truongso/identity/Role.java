package vn.truongso.identity;

/**
 * A role in the school system, held within a scope. Labels are in the identity bundle ({@code
 * role.PRINCIPAL} = "Hiệu trưởng").
 */
public enum Role {
  SYSTEM_ADMIN(ScopeKind.ORG, true),
  PROVINCE_OFFICER(ScopeKind.ORG, false),
  DISTRICT_OFFICER(ScopeKind.ORG, false),
  PRINCIPAL(ScopeKind.SCHOOL, true),
  VICE_PRINCIPAL(ScopeKind.SCHOOL, true),
  /**
   * approves classes' results and seals the signed học bạ on the principal's behalf: the
   * principal's delegation to a vice-principal, given and taken back as a role of its own
   */
  RESULTS_APPROVER(ScopeKind.SCHOOL, true),
  DATA_ADMIN(ScopeKind.SCHOOL, true),
  HEAD_OF_GROUP(ScopeKind.SUBJECT, false),
  HOMEROOM_TEACHER(ScopeKind.CLASS, false),
  SUBJECT_TEACHER(ScopeKind.CLASS_SUBJECT, false),
  CLERK(ScopeKind.SCHOOL, false),
  ACCOUNTANT(ScopeKind.SCHOOL, false),
  NURSE(ScopeKind.SCHOOL, false),
  /**
   * the kindergarten's cook or nutrition staff (cấp dưỡng, nhân viên nuôi dưỡng): menus, kitchen
   */
  COOK(ScopeKind.SCHOOL, false),
  LIBRARIAN(ScopeKind.SCHOOL, false),
  /** may export students' personal data to Excel; granted explicitly to named staff */
  DATA_EXPORTER(ScopeKind.SCHOOL, false),
  /**
   * sends the school's notices to families on the principal's behalf (a teacher in charge of
   * communication, the Youth Union secretary): the principal's delegation, given by name
   */
  NOTICE_SENDER(ScopeKind.SCHOOL, false),
  GUARDIAN(ScopeKind.STUDENT, false),
  STUDENT(ScopeKind.STUDENT, false);

  private final ScopeKind scope;
  private final boolean twoFactorRequired;

  Role(ScopeKind scope, boolean twoFactorRequired) {
    this.scope = scope;
    this.twoFactorRequired = twoFactorRequired;
  }

  public ScopeKind scope() {
    return scope;
  }

  /** Principal, vice-principal, data administrator and system administrator must use 2FA. */
  public boolean twoFactorRequired() {
    return twoFactorRequired;
  }

  /** What a role assignment of this role must name besides its organisation unit. */
  public enum ScopeKind {
    /** an organisation unit and everything under it */
    ORG,
    /** one school */
    SCHOOL,
    /** one school and a subject (a subject group's head) */
    SUBJECT,
    /** one class of a school year */
    CLASS,
    /** one class and one subject */
    CLASS_SUBJECT,
    /** one student (their guardian, or the student) */
    STUDENT
  }
}
