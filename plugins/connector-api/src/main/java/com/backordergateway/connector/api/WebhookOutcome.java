package com.backordergateway.connector.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verified webhook comes to (since 1.2): a signal to record, an authentic request to
 * acknowledge with nothing recorded (and why), or a handshake the platform expects answered with
 * a body of its own (monday.com's {@code challenge}).
 *
 * @param signal the signal to record, if any
 * @param note why nothing is recorded, for the answer and the log; empty with a signal
 * @param reply the body to answer with instead of the gateway's own, if any
 */
public record WebhookOutcome(Optional<SourceSignal> signal, String note, Optional<Reply> reply) {

  /** A body the platform expects back, e.g. {@code {"challenge":"..."}}. */
  public record Reply(String contentType, byte[] body) {
    public Reply {
      Objects.requireNonNull(contentType, "contentType is null");
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  public WebhookOutcome {
    Objects.requireNonNull(signal, "signal is null");
    Objects.requireNonNull(note, "note is null");
    Objects.requireNonNull(reply, "reply is null");
  }

  /** Record this signal. */
  public static WebhookOutcome of(SourceSignal signal) {
    return new WebhookOutcome(Optional.of(signal), "", Optional.empty());
  }

  /** Authentic, but nothing the gateway acts on: acknowledged (200), nothing recorded. */
  public static WebhookOutcome ignored(String why) {
    return new WebhookOutcome(Optional.empty(), why, Optional.empty());
  }

  /** A handshake: answered 200 with this JSON, nothing recorded. */
  public static WebhookOutcome handshake(String json) {
    return new WebhookOutcome(Optional.empty(), "handshake answered",
        Optional.of(new Reply("application/json", json.getBytes(StandardCharsets.UTF_8))));
  }
}
