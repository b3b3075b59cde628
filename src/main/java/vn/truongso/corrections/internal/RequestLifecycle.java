package vn.truongso.corrections.internal;

import java.util.Locale;
import vn.truongso.corrections.Request.State;

/**
 * The life of a correction request as a pure function: the stage it is at × the part the user plays
 * in it × the step asked for → the stage it goes to, or a refusal with the message key the user
 * reads. No Spring, no SQL: {@code Corrections} reads the request, asks here, then writes what this
 * answers. The whole table is {@code src/test/resources/corrections/lifecycle.csv}.
 *
 * <p>Filed → approved or rejected by the principal (or a delegated approver), never by the teacher
 * who filed it; approved → the teacher and the data administrator each confirm once, in either
 * order, and the second confirmation carries it out; the teacher may withdraw it until then. A
 * request whose cells changed after it was filed ends stale instead of approved or carried out.
 */
public final class RequestLifecycle {

  private RequestLifecycle() {}

  /** Where a request stands: its {@link State}, with an approved one split by who confirmed. */
  public enum Stage {
    FILED(State.FILED),
    /** approved, neither confirmation given */
    APPROVED(State.APPROVED),
    /** approved, the teacher confirmed, waiting for the data administrator */
    TEACHER_CONFIRMED(State.APPROVED),
    /** approved, the data administrator confirmed, waiting for the teacher */
    ADMIN_CONFIRMED(State.APPROVED),
    REJECTED(State.REJECTED),
    CARRIED_OUT(State.CARRIED_OUT),
    STALE(State.STALE),
    WITHDRAWN(State.WITHDRAWN);

    private final State state;

    Stage(State state) {
      this.state = state;
    }

    /** The state stored for the request. */
    public State state() {
      return state;
    }

    /** A stored request's stage; the confirmations count only while it is approved. */
    public static Stage of(State state, boolean teacherConfirmed, boolean adminConfirmed) {
      return switch (state) {
        case FILED -> FILED;
        case APPROVED -> {
          if (teacherConfirmed && adminConfirmed) {
            // the second confirmation ends the request in the same transaction
            throw new IllegalStateException("an approved request confirmed twice");
          }
          yield teacherConfirmed ? TEACHER_CONFIRMED : adminConfirmed ? ADMIN_CONFIRMED : APPROVED;
        }
        case REJECTED -> REJECTED;
        case CARRIED_OUT -> CARRIED_OUT;
        case STALE -> STALE;
        case WITHDRAWN -> WITHDRAWN;
      };
    }

    boolean approved() {
      return state == State.APPROVED;
    }
  }

  /**
   * The part a user plays in one request. The teacher who filed it is the filer whatever else they
   * may do (a data administrator who teaches confirms as the teacher); whoever did not file it is
   * an approver (APPROVE_RESULTS), a data administrator (MANAGE_LOCKS), both, or neither.
   */
  public enum Part {
    FILER(true, false, false),
    /** the filer who may also approve (a vice-principal who teaches): not their own request */
    FILER_APPROVER(true, true, false),
    APPROVER(false, true, false),
    DATA_ADMIN(false, false, true),
    APPROVER_DATA_ADMIN(false, true, true),
    OTHER(false, false, false);

    private final boolean filer;
    private final boolean approver;
    private final boolean dataAdmin;

    Part(boolean filer, boolean approver, boolean dataAdmin) {
      this.filer = filer;
      this.approver = approver;
      this.dataAdmin = dataAdmin;
    }

    public static Part of(boolean filer, boolean approver, boolean dataAdmin) {
      if (filer) {
        return approver ? FILER_APPROVER : FILER;
      }
      if (approver) {
        return dataAdmin ? APPROVER_DATA_ADMIN : APPROVER;
      }
      return dataAdmin ? DATA_ADMIN : OTHER;
    }

    /** Whether the user filed the request (and so confirms it as the teacher). */
    public boolean filer() {
      return filer;
    }
  }

  public enum Step {
    APPROVE,
    REJECT,
    /** the teacher's or the data administrator's confirmation, whichever the user is */
    CONFIRM,
    WITHDRAW,
    /** another file of evidence: the stage stays */
    ADD_EVIDENCE,
    /** a cell changed since the filing, found by whoever's approval or confirmation it was */
    MARK_STALE
  }

  /** What a step comes to. */
  public sealed interface Result permits Next, Refusal {}

  public record Next(Stage stage) implements Result {}

  /**
   * A step not taken: {@code forbidden} for a part that never takes it ({@code key} is then the
   * access-denied code), otherwise a message for {@code field}.
   */
  public record Refusal(boolean forbidden, String field, String key) implements Result {

    static Refusal forbidden(String code) {
      return new Refusal(true, null, code);
    }

    static Refusal refused(String field, String key) {
      return new Refusal(false, field, key);
    }

    /** Whether the message names who decided the request (its one argument). */
    public boolean namesDecider() {
      return key.startsWith("corrections.state.decided.");
    }
  }

  public static Result next(Stage stage, Part part, Step step) {
    return switch (step) {
      case APPROVE -> decide(stage, part, Stage.APPROVED);
      case REJECT -> decide(stage, part, Stage.REJECTED);
      case CONFIRM -> confirm(stage, part);
      case WITHDRAW -> withdraw(stage, part);
      case ADD_EVIDENCE -> addEvidence(stage, part);
      case MARK_STALE -> stage.approved() ? new Next(Stage.STALE) : settled(stage);
    };
  }

  /** Whether the step would be taken (what the request's page offers). */
  public static boolean allows(Stage stage, Part part, Step step) {
    return next(stage, part, step) instanceof Next;
  }

  private static Result decide(Stage stage, Part part, Stage decided) {
    if (!part.approver) {
      return Refusal.forbidden("corrections.decide");
    }
    if (stage != Stage.FILED) {
      return settled(stage);
    }
    if (part.filer) {
      return Refusal.refused("decision", "corrections.decide.own");
    }
    return new Next(decided);
  }

  private static Result confirm(Stage stage, Part part) {
    if (!part.filer && !part.dataAdmin) {
      return Refusal.forbidden("corrections.confirm");
    }
    if (!stage.approved()) {
      return settled(stage);
    }
    Stage mine = part.filer ? Stage.TEACHER_CONFIRMED : Stage.ADMIN_CONFIRMED;
    if (stage == mine) {
      return Refusal.refused("confirm", "corrections.confirm.already");
    }
    // the second confirmation carries the correction out
    return new Next(stage == Stage.APPROVED ? mine : Stage.CARRIED_OUT);
  }

  private static Result withdraw(Stage stage, Part part) {
    if (!part.filer) {
      return Refusal.forbidden("corrections.withdraw");
    }
    if (stage != Stage.FILED && !stage.approved()) {
      return settled(stage);
    }
    return new Next(Stage.WITHDRAWN);
  }

  private static Result addEvidence(Stage stage, Part part) {
    if (!part.filer) {
      return Refusal.forbidden("corrections.evidence");
    }
    if (stage != Stage.FILED) {
      return Refusal.refused("evidence", "corrections.evidence.late");
    }
    return new Next(Stage.FILED);
  }

  /** Why a request no longer takes the step: not approved yet, who decided, or how it ended. */
  private static Refusal settled(Stage stage) {
    String state = stage.state().name().toLowerCase(Locale.ROOT);
    return switch (stage.state()) {
      case FILED -> Refusal.refused("state", "corrections.state.notApproved");
      case APPROVED, REJECTED -> Refusal.refused("state", "corrections.state.decided." + state);
      default -> Refusal.refused("state", "corrections.state.ended." + state);
    };
  }
}
