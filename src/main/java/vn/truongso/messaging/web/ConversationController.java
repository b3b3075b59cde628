package vn.truongso.messaging.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.messaging.internal.Conversations;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;

/** The staff's side of the families' conversations: the list, one conversation, an answer. */
@Controller
class ConversationController {

  private final Conversations conversations;

  ConversationController(Conversations conversations) {
    this.conversations = conversations;
  }

  @GetMapping("/schools/{schoolId}/conversations")
  String index(
      @PathVariable long schoolId, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("conversations", conversations.ofSchool(user, schoolId));
    model.addAttribute("rosters", conversations.rosters(schoolId));
    return "messaging/conversations";
  }

  @GetMapping("/schools/{schoolId}/conversations/{studentId}")
  String thread(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("t", conversations.staffThread(user, schoolId, studentId));
    model.addAttribute("maxPost", MessageRules.MAX_POST);
    return "messaging/conversation";
  }

  @PostMapping("/schools/{schoolId}/conversations/{studentId}")
  String write(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String body,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    String back = "/schools/" + schoolId + "/conversations/" + studentId;
    return FormOutcome.run(
        () -> conversations.staffWrite(user, schoolId, studentId, body),
        "post",
        back + "#write",
        redirect);
  }
}
