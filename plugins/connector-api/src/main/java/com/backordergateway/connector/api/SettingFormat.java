package com.backordergateway.connector.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a setting's value must look like. The host checks every configured value against its
 * format before {@link Connector#open} is called, and shows the format to operators
 * ({@code backorderctl connectors describe TYPE}), so a connector reads typed values and keeps
 * only the checks that span several settings.
 *
 * <p>Lists are comma-separated ({@code backorder, paint}); maps are {@code name: value} (or
 * {@code name=value}) entries, one per line or separated by {@code ;}.
 */
public sealed interface SettingFormat {

  /** The format's name as operators see it: {@code string}, {@code url}, {@code integer}… */
  String typeName();

  /** What a valid value looks like, in words, e.g. "a whole number from 1 to 100". */
  String expected();

  /** Why {@code value} does not fit, never quoting the value; empty when it fits. */
  Optional<String> problem(String value);

  static SettingFormat text() {
    return Text.INSTANCE;
  }

  /** A credential: masked in logs, errors and API answers. */
  static SettingFormat secret() {
    return new Secret(1);
  }

  /** A credential of at least {@code minLength} characters (a signing secret worth the name). */
  static SettingFormat secret(int minLength) {
    return new Secret(minLength);
  }

  /** An absolute http(s) URL. */
  static SettingFormat url() {
    return Url.INSTANCE;
  }

  static SettingFormat integer(long min, long max) {
    return new Whole(min, max);
  }

  static SettingFormat bool() {
    return Flag.INSTANCE;
  }

  /** An ISO-8601 duration such as {@code PT10S}, from {@code min} to {@code max}. */
  static SettingFormat duration(Duration min, Duration max) {
    return new Span(min, max);
  }

  static SettingFormat oneOf(String... choices) {
    return new OneOf(List.of(choices));
  }

  /** A value matching {@code regex} whole; {@code meaning} says what that is in words. */
  static SettingFormat pattern(String regex, String meaning) {
    return new Matching(Pattern.compile(regex), meaning);
  }

  static SettingFormat email() {
    return Email.INSTANCE;
  }

  /** A phone number in E.164 form, e.g. {@code +14155550123}. */
  static SettingFormat phone() {
    return Phone.INSTANCE;
  }

  /** Comma-separated items, each of {@code item}'s format. */
  static SettingFormat list(SettingFormat item) {
    return new ListOf(item);
  }

  /** {@code name: value} entries; {@code secretValues} masks the whole setting (headers with tokens). */
  static SettingFormat map(boolean secretValues) {
    return new MapOf(secretValues);
  }

  /** Whether values of this format are credentials. */
  default boolean isSecret() {
    return false;
  }

  /** Comma-separated items, blanks dropped. */
  static List<String> items(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  /**
   * Map entries in order; a malformed entry throws {@link IllegalArgumentException} naming its
   * position. A value written on several lines has one entry a line (so a {@code ;} inside an
   * entry survives); a one-line value separates entries with {@code ;}.
   */
  static Map<String, String> entries(String value) {
    Map<String, String> entries = new LinkedHashMap<>();
    String[] lines = value.strip().contains("\n") ? value.split("\\r?\\n") : value.split(";");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      int equals = line.indexOf('=');
      int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
      if (at <= 0) {
        throw new IllegalArgumentException("entry " + (i + 1) + " is not 'name: value'");
      }
      entries.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
    }
    return entries;
  }

  /** Free text. */
  enum Text implements SettingFormat {
    INSTANCE;

    @Override
    public String typeName() {
      return "string";
    }

    @Override
    public String expected() {
      return "text";
    }

    @Override
    public Optional<String> problem(String value) {
      return Optional.empty();
    }

  }

  /** A credential without spaces or control characters. */
  record Secret(int minLength) implements SettingFormat {

    @Override
    public String typeName() {
      return "secret";
    }

    @Override
    public String expected() {
      return (minLength > 1 ? "a secret of at least " + minLength + " characters" : "a secret")
          + " without spaces or control characters (give it as ${env:NAME} or ${file:PATH})";
    }

    @Override
    public Optional<String> problem(String value) {
      String v = value.strip();
      if (v.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        return Optional.of("must not contain spaces or control characters");
      }
      return v.length() < minLength ? Optional.of("must be at least " + minLength + " characters") : Optional.empty();
    }

    @Override
    public boolean isSecret() {
      return true;
    }
  }

  /**
   * An absolute http(s) URL without user info: credentials in a URL end up in proxies' and
   * platforms' logs; settings take them as secrets of their own.
   */
  enum Url implements SettingFormat {
    INSTANCE;

    @Override
    public String typeName() {
      return "url";
    }

    @Override
    public String expected() {
      return "an absolute http(s) URL without user:password@";
    }

    @Override
    public Optional<String> problem(String value) {
      try {
        URI uri = new URI(value.strip());
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        return uri.isAbsolute() && web && uri.getHost() != null && uri.getRawUserInfo() == null
            ? Optional.empty() : Optional.of("must be " + expected());
      } catch (URISyntaxException e) {
        return Optional.of("must be " + expected());
      }
    }
  }

  /** A whole number in a range. */
  record Whole(long min, long max) implements SettingFormat {
    public Whole {
      if (min > max) {
        throw new IllegalArgumentException("min > max");
      }
    }

    @Override
    public String typeName() {
      return "integer";
    }

    @Override
    public String expected() {
      return "a whole number from " + min + " to " + max;
    }

    @Override
    public Optional<String> problem(String value) {
      try {
        long n = Long.parseLong(value.strip());
        return n >= min && n <= max ? Optional.empty() : Optional.of("must be " + expected());
      } catch (NumberFormatException e) {
        return Optional.of("must be " + expected());
      }
    }
  }

  /** true or false. */
  enum Flag implements SettingFormat {
    INSTANCE;

    @Override
    public String typeName() {
      return "boolean";
    }

    @Override
    public String expected() {
      return "true or false";
    }

    @Override
    public Optional<String> problem(String value) {
      String v = value.strip();
      return v.equals("true") || v.equals("false") ? Optional.empty() : Optional.of("must be true or false");
    }

  }

  /** An ISO-8601 duration in a range. */
  record Span(Duration min, Duration max) implements SettingFormat {
    public Span {
      Objects.requireNonNull(min, "min is null");
      Objects.requireNonNull(max, "max is null");
    }

    @Override
    public String typeName() {
      return "duration";
    }

    @Override
    public String expected() {
      return "an ISO-8601 duration from " + min + " to " + max + " (e.g. PT10S)";
    }

    @Override
    public Optional<String> problem(String value) {
      try {
        Duration d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        return d.compareTo(min) >= 0 && d.compareTo(max) <= 0 ? Optional.empty() : Optional.of("must be " + expected());
      } catch (DateTimeParseException e) {
        return Optional.of("must be " + expected());
      }
    }
  }

  /** One of a fixed set of words. */
  record OneOf(List<String> choices) implements SettingFormat {
    public OneOf {
      choices = List.copyOf(choices);
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("no choices");
      }
    }

    @Override
    public String typeName() {
      return "one-of";
    }

    @Override
    public String expected() {
      return "one of " + String.join(", ", choices);
    }

    @Override
    public Optional<String> problem(String value) {
      return choices.contains(value.strip()) ? Optional.empty() : Optional.of("must be " + expected());
    }
  }

  /** Text of a known shape, e.g. an account id. */
  record Matching(Pattern regex, String meaning) implements SettingFormat {
    public Matching {
      Objects.requireNonNull(regex, "regex is null");
      Objects.requireNonNull(meaning, "meaning is null");
    }

    @Override
    public String typeName() {
      return "pattern";
    }

    @Override
    public String expected() {
      return meaning;
    }

    @Override
    public Optional<String> problem(String value) {
      return regex.matcher(value.strip()).matches() ? Optional.empty() : Optional.of("must be " + meaning);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Matching m && m.regex.pattern().equals(regex.pattern()) && m.meaning.equals(meaning);
    }

    @Override
    public int hashCode() {
      return Objects.hash(regex.pattern(), meaning);
    }
  }

  /** An email address (a practical check: one @, a dot in the domain, no spaces). */
  enum Email implements SettingFormat {
    INSTANCE;

    @Override
    public String typeName() {
      return "email";
    }

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    @Override
    public String expected() {
      return "an email address such as orders@example.com";
    }

    @Override
    public Optional<String> problem(String value) {
      return ADDRESS.matcher(value.strip()).matches() ? Optional.empty() : Optional.of("must be " + expected());
    }

  }

  /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
  enum Phone implements SettingFormat {
    INSTANCE;

    @Override
    public String typeName() {
      return "phone";
    }

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    @Override
    public String expected() {
      return "an E.164 phone number such as +14155550123";
    }

    @Override
    public Optional<String> problem(String value) {
      return E164.matcher(value.strip()).matches() ? Optional.empty() : Optional.of("must be " + expected());
    }

  }

  /** Comma-separated items of one format. */
  record ListOf(SettingFormat item) implements SettingFormat {
    public ListOf {
      Objects.requireNonNull(item, "item is null");
    }

    @Override
    public String typeName() {
      return "list";
    }

    @Override
    public String expected() {
      return "a comma-separated list" + (item == Text.INSTANCE ? "" : " of " + item.expected());
    }

    @Override
    public Optional<String> problem(String value) {
      List<String> items = items(value);
      for (int i = 0; i < items.size(); i++) {
        Optional<String> problem = item.problem(items.get(i));
        if (problem.isPresent()) {
          return Optional.of("item " + (i + 1) + " " + problem.get());
        }
      }
      return Optional.empty();
    }

    @Override
    public boolean isSecret() {
      return item.isSecret();
    }
  }

  /** {@code name: value} entries. */
  record MapOf(boolean secretValues) implements SettingFormat {
    @Override
    public String typeName() {
      return "map";
    }

    @Override
    public String expected() {
      return "'name: value' entries, one per line or separated by ';'";
    }

    @Override
    public Optional<String> problem(String value) {
      try {
        entries(value);
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage() + "; expected " + expected());
      }
    }

    @Override
    public boolean isSecret() {
      return secretValues;
    }
  }
}
