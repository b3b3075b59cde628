package vn.truongso.messaging.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.messaging.internal.Audiences;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.messaging.internal.Notices;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.UserInputException;

/**
 * The staff's notices to families: write one, see the school's (or one's own) and how each went.
 */
@Controller
class NoticeController {

  private final Notices notices;
  private final Authorization authorization;

  NoticeController(Notices notices, Authorization authorization) {
    this.notices = notices;
    this.authorization = authorization;
  }

  @GetMapping("/messages")
  String schools() {
    Set<Long> schools = new TreeSet<>();
    for (Action a :
        List.of(Action.SEND_NOTICES, Action.SEND_HEALTH_NOTICES, Action.SEND_CLASS_NOTICES)) {
      schools.addAll(authorization.schoolsWhere(a));
    }
    if (schools.isEmpty()) {
      throw new AccessDeniedException("messaging");
    }
    return "redirect:/schools/" + schools.iterator().next() + "/messages";
  }

  @GetMapping("/schools/{schoolId}/messages")
  String index(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "") List<Long> studentIds,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    Form form =
        studentIds.isEmpty()
            ? Form.EMPTY
            : new Form("NOTICE", "STUDENTS", null, null, studentIds, "", "");
    return page(schoolId, user, model, form);
  }

  /** What was typed, shown again when the notice is refused. */
  record Form(
      String kind,
      String scope,
      @Nullable Integer grade,
      @Nullable Long classId,
      List<Long> studentIds,
      String title,
      String body) {
    static final Form EMPTY = new Form("NOTICE", "CLASS", null, null, List.of(), "", "");
  }

  private String page(long schoolId, AuthenticatedUser user, Model model, Form form) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("compose", notices.compose(schoolId));
    model.addAttribute("sent", notices.sent(user, schoolId));
    model.addAttribute("form", form);
    model.addAttribute("maxTitle", MessageRules.MAX_TITLE);
    model.addAttribute("maxBody", MessageRules.MAX_BODY);
    return "messaging/index";
  }

  @PostMapping("/schools/{schoolId}/messages")
  String send(
      @PathVariable long schoolId,
      @RequestParam(defaultValue = "NOTICE") String kind,
      @RequestParam(defaultValue = "CLASS") String scope,
      @RequestParam(required = false) Integer grade,
      @RequestParam(required = false) Long classId,
      @RequestParam(defaultValue = "") List<Long> studentIds,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) MultipartFile attachment,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model,
      RedirectAttributes redirect) {
    Form form = new Form(kind, scope, grade, classId, studentIds, title, body);
    return FormOutcome.orShow(
        () -> {
          Notices.Draft draft =
              new Notices.Draft(
                  parse(MessageRules.Kind.class, kind, "kind"),
                  new Audiences.Choice(
                      parse(Audiences.Scope.class, scope, "scope"), grade, classId, studentIds),
                  title,
                  body,
                  attachment == null ? null : attachment.getOriginalFilename(),
                  bytes(attachment));
          long id = notices.send(user, schoolId, draft);
          redirect.addFlashAttribute("sent", true);
          return "redirect:/schools/" + schoolId + "/messages/" + id;
        },
        "notice",
        model,
        () -> page(schoolId, user, model, form));
  }

  @GetMapping("/schools/{schoolId}/messages/{id}")
  String status(
      @PathVariable long schoolId,
      @PathVariable long id,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("s", notices.status(user, schoolId, id));
    return "messaging/status";
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(field, "messaging.error." + field);
    }
  }

  private static byte[] bytes(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UserInputException("attachment", "messaging.error.attachmentType");
    }
  }
}
