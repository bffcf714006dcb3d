package com.backordergateway.server.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every secret value the gateway knows, so that any text about to leave the process (a log
 * line, an error message, an API answer) can be masked.
 *
 * <p>A process-wide registry because logging is process-wide: the log encoder has no
 * injector to ask.
 */
public final class Secrets {

  /** Masks stand in for secrets everywhere. */
  public static final String MASK = "****";

  private static final Secrets GLOBAL = new Secrets();
  private static final Set<String> SECRET_KEY_WORDS =
      Set.of("token", "secret", "password", "key", "credential");

  // Longest first, so a secret that contains another is masked whole.
  private final List<String> values = new CopyOnWriteArrayList<>();

  public static Secrets global() {
    return GLOBAL;
  }

  /** True for keys such as {@code auth-token}, {@code api_key}, {@code client-secret}. */
  public static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_KEY_WORDS.stream().anyMatch(lower::contains);
  }

  /** Remembers a value to mask; values shorter than 4 characters would mask ordinary text. */
  public void register(String value) {
    if (value != null && value.length() >= 4 && !values.contains(value)) {
      values.add(value);
      values.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  /** Every value registered so far, for the log audit of the test suite. */
  List<String> known() {
    return List.copyOf(values);
  }

  /** The text with every known secret replaced by {@link #MASK}. */
  public String redact(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : values) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }
}
