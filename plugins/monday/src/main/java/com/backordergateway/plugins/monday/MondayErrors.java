package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The errors in a monday.com answer, in either of the shapes the API sends: the GraphQL
 * {@code errors} array ({@code message}, {@code extensions.code}, {@code extensions.status_code},
 * {@code extensions.retry_in_seconds} or {@code error_data.retry_in_seconds}), and the older
 * top-level {@code error_code} / {@code error_message} / {@code status_code} / {@code error_data}
 * that versions up to 2024-10 send (alone or next to {@code errors}). Both usually arrive with
 * HTTP 200; the rate limits with 429.
 */
final class MondayErrors {

  /** The complexity error's wording in older versions: "… reset in 15 seconds". */
  private static final Pattern RESET_IN = Pattern.compile("reset in (\\d{1,5}) seconds?");

  /** One error: its code (may be empty), message, own status code and announced wait, when given. */
  record MondayError(String code, String message, OptionalInt statusCode, Optional<Duration> retryIn, JsonNode data) {

    /** "code: message", or whichever of the two there is. */
    String text() {
      return code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
    }

    boolean messageContains(String words) {
      return message.toLowerCase(Locale.ROOT).contains(words);
    }
  }

  private MondayErrors() {}

  /** Every error in the body, {@code errors} first, then the top-level one unless it repeats one of them. */
  static List<MondayError> in(String body) {
    JsonNode root = PlatformJson.get().read(body).filter(JsonNode::isObject).orElse(null);
    List<MondayError> errors = new ArrayList<>();
    if (root == null) {
      return errors;
    }
    for (JsonNode error : root.path("errors")) {
      JsonNode extensions = error.path("extensions");
      JsonNode data = extensions.path("error_data");
      errors.add(new MondayError(extensions.path("code").asText("").strip(), error.path("message").asText("").strip(),
          status(extensions.path("status_code")), wait(extensions, data, error.path("message").asText("")), data));
    }
    String legacyCode = root.path("error_code").asText("").strip();
    String legacyMessage = root.path("error_message").asText("").strip();
    boolean repeated = errors.stream().anyMatch(e -> e.code().equals(legacyCode) && e.message().equals(legacyMessage));
    if (!(legacyCode.isEmpty() && legacyMessage.isEmpty()) && !repeated) {
      JsonNode data = root.path("error_data");
      errors.add(new MondayError(legacyCode, legacyMessage, status(root.path("status_code")),
          wait(root, data, legacyMessage), data));
    }
    return errors;
  }

  /** The errors' texts joined, for a delivery error; empty when there are none. */
  static Optional<String> text(String body) {
    List<String> texts = in(body).stream().map(MondayError::text).filter(t -> !t.isEmpty()).distinct().toList();
    return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", texts));
  }

  private static OptionalInt status(JsonNode code) {
    return code.canConvertToInt() && code.isNumber() ? OptionalInt.of(code.asInt()) : OptionalInt.empty();
  }

  /** {@code retry_in_seconds} (or the complexity error's {@code reset_in_x_seconds}) next to or in {@code error_data}. */
  private static Optional<Duration> wait(JsonNode holder, JsonNode data, String message) {
    for (JsonNode seconds : List.of(holder.path("retry_in_seconds"), data.path("retry_in_seconds"),
        holder.path("reset_in_x_seconds"), data.path("reset_in_x_seconds"))) {
      if (seconds.isNumber() && seconds.asDouble() >= 0) {
        return Optional.of(Duration.ofMillis((long) Math.ceil(seconds.asDouble() * 1000)));
      }
    }
    Matcher resetIn = RESET_IN.matcher(message);
    return resetIn.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(resetIn.group(1)))) : Optional.empty();
  }
}
