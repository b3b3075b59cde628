package vn.truongso.attendance.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import vn.truongso.attendance.internal.AbsenceRequests;
import vn.truongso.attendance.internal.RollRules;
import vn.truongso.attendance.internal.RollRules.Kind;
import vn.truongso.attendance.internal.RollRules.Session;
import vn.truongso.attendance.internal.RollStore.Mark;
import vn.truongso.attendance.internal.RollTaking;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * The roll of a class for a day and session: a page made for a phone, saved by its script as JSON
 * (kept on the phone and sent again when the connection returns) or, without script, as a form.
 */
@Controller
class RollController {

  private final RollTaking rolls;
  private final AbsenceRequests requests;
  private final MessageSource messages;

  RollController(RollTaking rolls, AbsenceRequests requests, MessageSource messages) {
    this.rolls = rolls;
    this.requests = requests;
    this.messages = messages;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/attendance")
  String roll(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate day,
      @RequestParam(required = false) @Nullable Session session,
      Model model) {
    RollTaking.RollView view = rolls.view(schoolId, classId, day, session);
    model.addAttribute("roll", view);
    Map<Long, String> names = new java.util.HashMap<>();
    view.lines().forEach(l -> names.put(l.student().id(), l.student().name().full()));
    model.addAttribute("names", names);
    model.addAttribute(
        "requests",
        requests.ofClass(schoolId, classId).stream()
            .filter(r -> r.request().state().equals("PENDING"))
            .toList());
    model.addAttribute("key", UUID.randomUUID());
    model.addAttribute("maxReason", RollRules.MAX_REASON);
    model.addAttribute("maxNote", RollRules.MAX_NOTE);
    return "attendance/roll";
  }

  @PostMapping("/schools/{schoolId}/attendance/requests/{id}/accept")
  String accept(
      @PathVariable long schoolId,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String back,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return vn.truongso.platform.FormOutcome.run(
        () -> requests.accept(user, schoolId, id), "request", local(back), redirect);
  }

  @PostMapping("/schools/{schoolId}/attendance/requests/{id}/answer")
  String answer(
      @PathVariable long schoolId,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String answer,
      @RequestParam(defaultValue = "") String back,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    return vn.truongso.platform.FormOutcome.run(
        () -> requests.answer(user, schoolId, id, answer), "request", local(back), redirect);
  }

  /** Back to the page the form was on, never to another site. */
  private static String local(String back) {
    // "//host" and "/\\host" are other sites to a browser
    boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
    return local ? back : "/attendance";
  }

  /** The roll as the script sends it: student id → kind and reason for those not simply present. */
  record Body(
      @Nullable UUID key,
      @Nullable LocalDate day,
      @Nullable Session session,
      int version,
      @Nullable String note,
      @Nullable Map<Long, Entry> marks) {}

  record Entry(@Nullable String kind, @Nullable String reason) {}

  /** What the script gets back: the new version, or the refusal in words and its field. */
  record Answer(
      String state,
      @Nullable Integer version,
      boolean again,
      @Nullable String field,
      @Nullable String message) {}

  @PostMapping(
      value = "/schools/{schoolId}/classes/{classId}/attendance",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Answer> saveJson(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestBody Body body,
      @AuthenticationPrincipal AuthenticatedUser user) {
    try {
      RollTaking.Saved saved = rolls.save(user, schoolId, classId, sending(body));
      return ResponseEntity.ok(new Answer("saved", saved.version(), saved.again(), null, null));
    } catch (InvalidInput e) {
      InvalidInput.FieldError first = e.errors().getFirst();
      return ResponseEntity.unprocessableContent()
          .body(
              new Answer(
                  "error",
                  null,
                  false,
                  first.field(),
                  message(first.messageKey(), first.args().toArray())));
    } catch (UserInputException e) {
      HttpStatus status =
          e.messageKey().equals("attendance.roll.conflict")
              ? HttpStatus.CONFLICT
              : HttpStatus.UNPROCESSABLE_CONTENT;
      return ResponseEntity.status(status)
          .body(new Answer("error", null, false, e.field(), message(e.messageKey(), e.args())));
    }
  }

  /** The same roll from the page without its script: {@code kind-<id>}, {@code reason-<id>}. */
  @PostMapping(
      value = "/schools/{schoolId}/classes/{classId}/attendance",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String saveForm(
      @PathVariable long schoolId,
      @PathVariable long classId,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal AuthenticatedUser user,
      RedirectAttributes redirect) {
    Map<Long, Entry> marks = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("kind-") && !value.isBlank()) {
            String id = name.substring("kind-".length());
            marks.put(Long.valueOf(id), new Entry(value, form.get("reason-" + id)));
          }
        });
    LocalDate day = parseDay(form.get("day"));
    Session session = parseSession(form.get("session"));
    Body body =
        new Body(
            parseKey(form.get("key")),
            day,
            session,
            parseInt(form.get("version")),
            form.get("note"),
            marks);
    try {
      rolls.save(user, schoolId, classId, sending(body));
      redirect.addFlashAttribute("saved", true);
    } catch (InvalidInput e) {
      InvalidInput.FieldError first = e.errors().getFirst();
      redirect.addFlashAttribute("error", message(first.messageKey(), first.args().toArray()));
    } catch (UserInputException e) {
      redirect.addFlashAttribute("error", message(e.messageKey(), e.args()));
    }
    return "redirect:/schools/"
        + schoolId
        + "/classes/"
        + classId
        + "/attendance?day="
        + (day == null ? "" : day)
        + (session == null ? "" : "&session=" + session);
  }

  /** The body as the service takes it; what cannot be read is refused with a message. */
  private static RollTaking.Sending sending(Body b) {
    if (b.key() == null || b.day() == null || b.session() == null) {
      throw new UserInputException(null, "attendance.sending.incomplete");
    }
    Map<Long, Mark> marks = new LinkedHashMap<>();
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (b.marks() != null) {
      b.marks()
          .forEach(
              (id, e) -> {
                Kind kind = Kind.parse(e.kind());
                if (kind == null) {
                  errors.add("student-" + id, "attendance.kind.unknown");
                } else {
                  String reason =
                      e.reason() == null || e.reason().isBlank() ? null : e.reason().strip();
                  marks.put(id, new Mark(kind, reason));
                }
              });
    }
    errors.throwIfAny();
    return new RollTaking.Sending(b.key(), b.day(), b.session(), b.version(), b.note(), marks);
  }

  private static @Nullable LocalDate parseDay(@Nullable String s) {
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Session parseSession(@Nullable String s) {
    try {
      return s == null ? null : Session.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable UUID parseKey(@Nullable String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int parseInt(@Nullable String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
