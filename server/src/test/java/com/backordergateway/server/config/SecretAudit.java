package com.backordergateway.server.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.Layout;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log appender for the test suite that renders every line as the gateway's own log pattern
 * does (redaction included) and looks in it for every secret any configuration has registered:
 * as given, URL-encoded, Base64-encoded, and inside Base64 words (a Basic authorization header).
 * Leaks are kept for {@link SecretAuditExtension}, which fails the test they happened in.
 */
public final class SecretAudit extends AppenderBase<ILoggingEvent> {

  private static final Pattern BASE64_WORD = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
  private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
  private static final AtomicLong LINES = new AtomicLong();
  private static final Map<String, List<String>> FORMS = new ConcurrentHashMap<>();

  private Layout<ILoggingEvent> layout;

  public void setLayout(Layout<ILoggingEvent> layout) {
    this.layout = layout;
  }

  @Override
  protected void append(ILoggingEvent event) {
    LINES.incrementAndGet();
    String line = layout.doLayout(event);
    List<String> secrets = Secrets.global().known();
    for (String secret : secrets) {
      for (String form : FORMS.computeIfAbsent(secret, SecretAudit::forms)) {
        if (line.contains(form)) {
          LEAKS.add(masked(line, secrets));
          return;
        }
      }
    }
    Matcher words = BASE64_WORD.matcher(line);
    while (words.find()) {
      String decoded = decode(words.group());
      if (decoded != null && secrets.stream().anyMatch(decoded::contains)) {
        LEAKS.add(masked(line, secrets) + " (a secret inside " + words.group().length() + " Base64 characters)");
        return;
      }
    }
  }

  /** The leaks seen since the last call, each line with its secrets masked. */
  public static List<String> drainLeaks() {
    List<String> leaks = new ArrayList<>();
    for (String leak; (leak = LEAKS.poll()) != null; ) {
      leaks.add(leak);
    }
    return leaks;
  }

  /** How many log lines were audited in this JVM. */
  public static long linesAudited() {
    return LINES.get();
  }

  private static List<String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    List<String> forms = new ArrayList<>(List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
        Base64.getEncoder().withoutPadding().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    forms.removeIf(form -> form.length() < 8); // too short to tell from ordinary text
    return List.copyOf(forms);
  }

  private static String decode(String word) {
    try {
      return new String(word.indexOf('-') >= 0 || word.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(word) : Base64.getDecoder().decode(word), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** The report must not become the leak: secrets and their forms are replaced by their index. */
  private static String masked(String line, List<String> secrets) {
    String result = line.strip();
    for (int i = 0; i < secrets.size(); i++) {
      for (String form : FORMS.computeIfAbsent(secrets.get(i), SecretAudit::forms)) {
        result = result.replace(form, "<secret " + i + ">");
      }
    }
    return result;
  }
}
