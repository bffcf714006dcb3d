package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The extra headers an operator configured in the {@code headers} setting, parsed and checked
 * once in {@code open}: {@code Name: value} entries, one per line, or separated by {@code ;}
 * when the setting is a single line (so a multi-line setting may have {@code ;} in values, as
 * {@code Cookie} and {@code Accept} values do). The host has checked the setting's map format;
 * it splits at every {@code ;}, so the entries are read here, not with {@code getMap}.
 *
 * <p>Refused: a name that is not an HTTP token, a value with a control character (CR, LF, NUL...
 * a tab is allowed), a name given twice, and names the connector, the host or its HTTP client set
 * themselves. Error messages name the entry by position and, when it is a valid token, by
 * name, never with its value: the values are often credentials.
 */
final class ConfiguredHeaders {

  /** RFC 9110 §5.6.2 token: what a header name is. */
  static final String TOKEN_SYNTAX = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";

  private static final Pattern TOKEN = Pattern.compile(TOKEN_SYNTAX);

  /**
   * Set by the host on every request (User-Agent, since SPI 1.1) or by its HTTP client, or
   * meaningless per hop; the JDK client refuses several of these.
   */
  private static final Set<String> SET_BY_HOST = Set.of(
      "user-agent", "connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "te", "trailer",
      "keep-alive", "proxy-connection");

  private ConfiguredHeaders() {}

  /** One configured header; {@link #toString()} hides the value. */
  record Header(String name, String value) {
    Header {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(value, "value is null");
    }

    @Override
    public String toString() {
      return name + ": ****";
    }
  }

  /**
   * Parses the setting.
   *
   * @param key the setting's key, for error messages
   * @param reserved lower-case names the connector sets itself
   * @throws InvalidSettingsException naming the key and the offending entry
   */
  static List<Header> parse(String key, String raw, Set<String> reserved) {
    String separator = raw.indexOf('\n') >= 0 ? "\n" : ";";
    List<Header> headers = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    String[] entries = raw.split(Pattern.quote(separator), -1);
    for (int i = 0; i < entries.length; i++) {
      String where = "entry " + (i + 1);
      if (hasControlCharacter(entries[i])) {
        throw new InvalidSettingsException(key, where
            + " contains a control character (CR, LF, NUL and the like are not allowed; a tab is)");
      }
      String entry = entries[i].strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new InvalidSettingsException(key, where + " is not 'Name: value'");
      }
      String name = entry.substring(0, colon).strip();
      String value = entry.substring(colon + 1).strip();
      if (!TOKEN.matcher(name).matches()) {
        throw new InvalidSettingsException(key, where + ": the header name is not a valid HTTP token");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (SET_BY_HOST.contains(lower) || reserved.contains(lower)) {
        throw new InvalidSettingsException(key, where + " (" + name + "): this header is set by the gateway");
      }
      if (!seen.add(lower)) {
        throw new InvalidSettingsException(key, where + " (" + name + "): the header is given twice");
      }
      headers.add(new Header(name, value));
    }
    return List.copyOf(headers);
  }

  /** True for names the host or its HTTP client own. */
  static boolean isSetByHost(String name) {
    return SET_BY_HOST.contains(name.toLowerCase(Locale.ROOT));
  }

  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
  }
}
