package com.backordergateway.plugins.airtable;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * How the connector reads Airtable's answers: the standard rules (2xx done; 5xx retryable; other
 * 4xx permanent) with Airtable's error text, {@code {"error":{"type","message"}}} (or a bare
 * {@code {"error":"NOT_FOUND"}}), e.g. {@code UNKNOWN_FIELD_NAME: Unknown field name: "ETA"}. A
 * 429 waits 30 seconds, as Airtable requires before the base takes requests again.
 */
final class AirtableAnswers {

  /** Airtable: "you will need to wait 30 seconds before subsequent requests will succeed". */
  static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(30);

  static final PlatformResponses ANSWERS = PlatformResponses.of("Airtable")
      .readingErrors(AirtableAnswers::errorText)
      .withQuirk(answer -> answer.statusCode() == 429
          ? Optional.of(Verdict.retryable(errorText(answer.body()).orElse("rate limited")
              + " (Airtable takes 5 requests a second per base; retried after 30 s)", RATE_LIMIT_WAIT))
          : Optional.empty());

  private static final PlatformJson JSON = PlatformJson.get();

  private AirtableAnswers() {}

  /** The upserted record: its id, and whether Airtable created it rather than updating one. */
  record Upserted(String id, boolean created) {}

  /**
   * The record an accepted upsert wrote.
   *
   * @throws PermanentDeliveryException without one: not retried, as the record may exist
   */
  static Upserted upserted(HttpResponse<String> accepted) throws PermanentDeliveryException {
    JsonNode body = JSON.read(accepted.body()).orElse(null);
    String id = body == null ? "" : body.path("records").path(0).path("id").asText("");
    if (!id.matches("rec[A-Za-z0-9]{14}")) {
      throw new PermanentDeliveryException("Airtable answered HTTP " + accepted.statusCode()
          + " without the record's id; not retried, as the record may exist");
    }
    boolean created = false;
    for (JsonNode createdId : body.path("createdRecords")) {
      created |= createdId.asText().equals(id);
    }
    return new Upserted(id, created);
  }

  /** "TYPE: message" from Airtable's error body; empty when it is not one. */
  static Optional<String> errorText(String body) {
    JsonNode error = JSON.read(body).map(root -> root.path("error")).orElse(null);
    if (error == null || error.isMissingNode()) {
      return Optional.empty();
    }
    if (error.isTextual()) {
      return Optional.of(error.asText());
    }
    String type = error.path("type").asText("");
    String message = error.path("message").asText("");
    return type.isEmpty() && message.isEmpty() ? Optional.empty()
        : Optional.of(type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message);
  }
}
