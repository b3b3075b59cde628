package vn.truongso.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.truongso.identity.*;

/**
 * The password rules: at least 10 characters, not the username (nor containing it), not a common
 * password, not one character repeated; and a maximum age after which the user must change it (the
 * seeds ask users to change passwords regularly).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;
  private static final Set<String> COMMON = load();

  private final Duration maxAge;

  PasswordPolicy(Duration maxAge) {
    this.maxAge = maxAge;
  }

  /** The message key of the first rule the password breaks, or empty. */
  public static Optional<String> violation(String username, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("password.tooShort");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.tooLong");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String user = username == null ? "" : username.toLowerCase(Locale.ROOT);
    if (!user.isEmpty() && (lower.equals(user) || lower.contains(user))) {
      return Optional.of("password.containsUsername");
    }
    if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
      return Optional.of("password.common");
    }
    return Optional.empty();
  }

  public boolean expired(Instant changedAt, Instant now) {
    return !maxAge.isZero() && changedAt.plus(maxAge).isBefore(now);
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt"),
                StandardCharsets.UTF_8))) {
      in.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT))
          .forEach(words::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
