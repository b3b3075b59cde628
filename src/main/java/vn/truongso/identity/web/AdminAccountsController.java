package vn.truongso.identity.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.identity.internal.AccountAdmin;
import vn.truongso.identity.internal.MyAccount;
import vn.truongso.identity.internal.SessionAccounts;
import vn.truongso.org.School;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * Account administration for the principal and the data administrator: accounts of their school,
 * scoped roles, one-time passwords, disabling, active sessions and recent sign-ins.
 */
@Controller
class AdminAccountsController {

  private static final List<Role> SCHOOL_ROLES =
      Arrays.stream(Role.values()).filter(r -> r.scope() != Role.ScopeKind.ORG).toList();

  private final AccountAdmin admin;
  private final MyAccount me;
  private final SessionAccounts sessions;
  private final Authorization authorization;
  private final Clock clock;
  private final vn.truongso.identity.internal.AuthorizationService grants;

  AdminAccountsController(
      AccountAdmin admin,
      MyAccount me,
      SessionAccounts sessions,
      Authorization authorization,
      Clock clock,
      vn.truongso.identity.internal.AuthorizationService grants) {
    this.grants = grants;
    this.admin = admin;
    this.me = me;
    this.sessions = sessions;
    this.authorization = authorization;
    this.clock = clock;
  }

  @GetMapping("/admin/accounts")
  String accounts(
      @RequestParam(required = false) Long school,
      @RequestParam(required = false) String q,
      Model model) {
    authorization.require(Action.MANAGE_ACCOUNTS, anySchool(Action.MANAGE_ACCOUNTS));
    List<School> schools = admin.manageableSchools();
    School current = pick(schools, school);
    model.addAttribute("schools", schools);
    model.addAttribute("school", current);
    model.addAttribute("q", q);
    List<AccountAdmin.AccountRow> rows = admin.accountsOf(current.id(), q);
    model.addAttribute("accounts", rows);
    // Subject teachers hold no role row: their classes come from the teaching assignments.
    model.addAttribute(
        "teachers",
        rows.stream()
            .filter(r -> r.roles().isEmpty())
            .map(AccountAdmin.AccountRow::id)
            .filter(id -> !grants.taughtBy(id).isEmpty())
            .collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("roles", SCHOOL_ROLES);
    model.addAttribute("options", admin.scopeOptions(current.id()));
    return "identity/admin-accounts";
  }

  @PostMapping("/admin/accounts")
  String create(
      @RequestParam long school,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Long classId,
      @RequestParam(required = false) String subjectCode,
      @RequestParam(required = false) Long studentId,
      Model model,
      RedirectAttributes redirect) {
    return FormOutcome.orShow(
        () -> {
          AccountAdmin.Created created =
              admin.create(
                  school, username, displayName, role, scope(classId, subjectCode, studentId));
          redirect.addFlashAttribute("oneTime", created.oneTimePassword());
          redirect.addFlashAttribute("oneTimeFor", username.strip());
          redirect.addFlashAttribute("oneTimeKey", "admin.created");
          return "redirect:/admin/accounts/" + created.accountId();
        },
        "",
        model,
        () -> {
          model.addAttribute(
              "form", new CreateForm(username, displayName, role, classId, subjectCode, studentId));
          return accounts(school, null, model);
        });
  }

  @GetMapping("/admin/accounts/{id}")
  String detail(@PathVariable long id, Model model) {
    AccountAdmin.AccountDetail account = admin.detail(id);
    model.addAttribute("account", account);
    model.addAttribute("roleViews", me.describe(account.roles()));
    model.addAttribute("roles", SCHOOL_ROLES);
    long schoolId = account.homeSchoolId() != null ? account.homeSchoolId() : firstManageable();
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("options", admin.scopeOptions(schoolId));
    model.addAttribute("logins", sessions.logins(null, id, 10));
    model.addAttribute("sessions", sessions.active(null, id, clock.instant()));
    return "identity/admin-account";
  }

  @PostMapping("/admin/accounts/{id}/roles")
  String assign(
      @PathVariable long id,
      @RequestParam long school,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Long classId,
      @RequestParam(required = false) String subjectCode,
      @RequestParam(required = false) Long studentId,
      Model model) {
    return FormOutcome.orShow(
        () -> {
          admin.assignRole(id, role, school, scope(classId, subjectCode, studentId));
          return "redirect:/admin/accounts/" + id;
        },
        "",
        model,
        () -> detail(id, model));
  }

  @PostMapping("/admin/roles/{assignmentId}/revoke")
  String revoke(
      @PathVariable long assignmentId,
      @RequestParam long account,
      @RequestParam(defaultValue = "") String reason,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    // htmx swaps the roles list in place, with or without the error; a plain post redirects.
    return FormOutcome.orShow(
        () -> {
          admin.revokeRole(assignmentId, reason);
          return htmx != null ? roles(account, model) : "redirect:/admin/accounts/" + account;
        },
        "",
        model,
        () -> htmx != null ? roles(account, model) : detail(account, model));
  }

  private String roles(long account, Model model) {
    AccountAdmin.AccountDetail detail = admin.detail(account);
    model.addAttribute("account", detail);
    model.addAttribute("roleViews", me.describe(detail.roles()));
    return "identity/admin-account :: roles";
  }

  @PostMapping("/admin/accounts/{id}/password")
  String reset(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect,
      Model model) {
    return FormOutcome.orShow(
        () -> {
          String oneTime = admin.resetPassword(id, reason.isBlank() ? null : reason.strip());
          redirect.addFlashAttribute("oneTime", oneTime);
          redirect.addFlashAttribute("oneTimeKey", "admin.resetDone");
          return "redirect:/admin/accounts/" + id;
        },
        "",
        model,
        () -> detail(id, model));
  }

  @PostMapping("/admin/accounts/{id}/enabled")
  String setEnabled(
      @PathVariable long id,
      @RequestParam boolean enabled,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    return FormOutcome.orShow(
        () -> {
          admin.setEnabled(id, enabled, reason.isBlank() ? null : reason.strip());
          return "redirect:/admin/accounts/" + id;
        },
        "",
        model,
        () -> detail(id, model));
  }

  @GetMapping("/admin/sessions")
  String sessions(@RequestParam(required = false) Long school, Model model) {
    authorization.require(Action.VIEW_SESSIONS, anySchool(Action.VIEW_SESSIONS));
    List<School> schools = admin.schoolsWhere(Action.VIEW_SESSIONS);
    School current = pick(schools, school);
    model.addAttribute("schools", schools);
    model.addAttribute("school", current);
    model.addAttribute("sessions", sessions.active(current.id(), null, clock.instant()));
    model.addAttribute("logins", sessions.logins(current.id(), null, 50));
    return "identity/admin-sessions";
  }

  @PostMapping("/admin/sessions/end")
  String endSession(@RequestParam long school, @RequestParam String sessionId) {
    admin.endSession(school, sessionId);
    return "redirect:/admin/sessions?school=" + school;
  }

  private Target anySchool(Action action) {
    return authorization.schoolsWhere(action).stream().findFirst().map(Target::school).orElse(null);
  }

  private long firstManageable() {
    return admin.manageableSchools().stream()
        .findFirst()
        .map(School::id)
        .orElseThrow(() -> new NotFoundException("school"));
  }

  private static School pick(List<School> schools, Long wanted) {
    if (schools.isEmpty()) {
      throw new NotFoundException("school");
    }
    if (wanted == null) {
      return schools.get(0);
    }
    return schools.stream()
        .filter(s -> s.id() == wanted)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("school"));
  }

  private static Scope scope(Long classId, String subjectCode, Long studentId) {
    return Scope.belowSchool(
        classId, subjectCode == null || subjectCode.isBlank() ? null : subjectCode, studentId);
  }

  /** What the create form held, to show it again with the error. */
  record CreateForm(
      String username,
      String displayName,
      Role role,
      Long classId,
      String subjectCode,
      Long studentId) {}
}
