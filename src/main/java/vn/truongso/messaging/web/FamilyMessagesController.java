package vn.truongso.messaging.web;

import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.truongso.messaging.internal.Conversations;
import vn.truongso.messaging.internal.FamilyInbox;
import vn.truongso.messaging.internal.MessageRules;
import vn.truongso.messaging.internal.Preferences;
import vn.truongso.messaging.internal.PushSubscriptions;
import vn.truongso.messaging.internal.channel.VapidKeys;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.FormOutcome;
import vn.truongso.platform.UserInputException;

/**
 * The families' side, in the portal: the inbox, a message and its attachment, the conversation with
 * the school about a child, and how the family wants to be told (e-mail, this phone's
 * notifications, SMS, Zalo).
 */
@Controller
class FamilyMessagesController {

  private final FamilyInbox inbox;
  private final Conversations conversations;
  private final Preferences preferences;
  private final PushSubscriptions subscriptions;
  private final VapidKeys keys;

  FamilyMessagesController(
      FamilyInbox inbox,
      Conversations conversations,
      Preferences preferences,
      PushSubscriptions subscriptions,
      VapidKeys keys) {
    this.inbox = inbox;
    this.conversations = conversations;
    this.preferences = preferences;
    this.subscriptions = subscriptions;
    this.keys = keys;
  }

  @GetMapping("/portal/messages")
  String inbox(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("messages", inbox.list(user));
    model.addAttribute("threads", inbox.threads(user));
    return "messaging/family-inbox";
  }

  @GetMapping("/portal/messages/{schoolId}/{id}")
  String message(
      @PathVariable long schoolId,
      @PathVariable long id,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("m", inbox.open(user, schoolId, id));
    model.addAttribute("maxPost", MessageRules.MAX_POST);
    return "messaging/family-message";
  }

  @GetMapping("/portal/messages/{schoolId}/{id}/attachment")
  ResponseEntity<byte[]> attachment(
      @PathVariable long schoolId,
      @PathVariable long id,
      @AuthenticationPrincipal AuthenticatedUser user) {
    var m = inbox.open(user, schoolId, id);
    byte[] body = inbox.attachment(user, schoolId, id);
    String name = m.attachmentName() == null ? "tep-dinh-kem" : m.attachmentName();
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                m.attachmentType() == null ? "application/octet-stream" : m.attachmentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  @GetMapping("/portal/{schoolId}/{studentId}/conversation")
  String conversation(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @AuthenticationPrincipal AuthenticatedUser user,
      Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("t", conversations.familyThread(user, schoolId, studentId));
    model.addAttribute("maxPost", MessageRules.MAX_POST);
    return "messaging/family-thread";
  }

  @PostMapping("/portal/{schoolId}/{studentId}/conversation")
  String write(
      @PathVariable long schoolId,
      @PathVariable long studentId,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) Long replyTo,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    String back = "/portal/" + schoolId + "/" + studentId + "/conversation";
    return FormOutcome.run(
        () -> conversations.familyWrite(user, schoolId, studentId, body, replyTo),
        "post",
        back,
        redirect);
  }

  @GetMapping("/portal/settings")
  String settings(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("choice", preferences.of(user.accountId()));
    model.addAttribute("vapidKey", keys.pair().publicKey());
    return "messaging/family-settings";
  }

  @PostMapping("/portal/settings")
  String saveSettings(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "false") boolean emailOn,
      @RequestParam(defaultValue = "false") boolean pushOn,
      @RequestParam(defaultValue = "false") boolean smsOn,
      @RequestParam(defaultValue = "false") boolean zaloOn,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return FormOutcome.run(
        () ->
            preferences.save(
                user.accountId(), new Preferences.Choice(email, emailOn, pushOn, smsOn, zaloOn)),
        "settings",
        "/portal/settings",
        redirect);
  }

  /** The browser's push subscription, as {@code PushSubscription.toJSON()} gives it. */
  record PushSubscriptionJson(String endpoint, Map<String, String> keys) {}

  @PostMapping(value = "/portal/push", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> subscribe(
      @RequestBody PushSubscriptionJson sub, @AuthenticationPrincipal AuthenticatedUser user) {
    try {
      Map<String, String> k = sub.keys() == null ? Map.of() : sub.keys();
      long id =
          subscriptions.subscribe(user.accountId(), sub.endpoint(), k.get("p256dh"), k.get("auth"));
      return ResponseEntity.ok(Map.of("id", id));
    } catch (UserInputException e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.messageKey()));
    }
  }

  @PostMapping(value = "/portal/push/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Void> unsubscribe(
      @RequestBody PushSubscriptionJson sub, @AuthenticationPrincipal AuthenticatedUser user) {
    subscriptions.unsubscribe(user.accountId(), sub.endpoint() == null ? "" : sub.endpoint());
    return ResponseEntity.noContent().build();
  }
}
