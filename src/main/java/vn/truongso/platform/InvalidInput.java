package vn.truongso.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several fields broke their rules at once: each error names its field and a message key, so a form
 * shows every message next to its field and nothing is saved.
 */
public class InvalidInput extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The first error of each field, for a form that shows one message under each field. */
  public java.util.Map<String, FieldError> byField() {
    java.util.Map<String, FieldError> map = new java.util.HashMap<>();
    errors.forEach(e -> map.putIfAbsent(e.field(), e));
    return map;
  }

  /** One field's problem. */
  public record FieldError(String field, String messageKey, List<Object> args) {}

  /** Collects errors while a form is checked; {@link #throwIfAny} ends the check. */
  public static final class Collector {
    private final List<FieldError> errors = new ArrayList<>();

    public Collector add(String field, String key, Object... args) {
      errors.add(new FieldError(field, key, List.of(args)));
      return this;
    }

    public boolean has(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> errors() {
      return Collections.unmodifiableList(errors);
    }

    public void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new InvalidInput(errors);
      }
    }
  }
}
