package vn.truongso.platform;

/**
 * Input that breaks a rule. {@code messageKey} names the Vietnamese (and English) text in a
 * module's bundle; {@code field} ties it to a form field when there is one.
 */
public class UserInputException extends RuntimeException {
  private final String field;
  private final String messageKey;
  private final transient Object[] args;

  public UserInputException(String field, String messageKey, Object... args) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
    this.args = args;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }
}
