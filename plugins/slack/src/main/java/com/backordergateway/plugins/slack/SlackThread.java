package com.backordergateway.plugins.slack;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A message in a channel, as Slack identifies it: the channel ID and the message's {@code ts}.
 * Written {@code channel:ts} (e.g. {@code C0BACKORD:1772443800.000100}) as the delivery's
 * external id and as its reference, so the case's follow-ups are posted with {@code thread_ts}
 * into the thread under its first message.
 */
record SlackThread(String channel, String ts) {

  private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern TS = Pattern.compile("\\d+\\.\\d+");

  SlackThread {
    Objects.requireNonNull(channel, "channel is null");
    Objects.requireNonNull(ts, "ts is null");
  }

  /** The thread a reference written by {@link #reference()} names; empty if it is not one. */
  static Optional<SlackThread> parse(String reference) {
    int colon = reference.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String channel = reference.substring(0, colon);
    String ts = reference.substring(colon + 1);
    if (!CHANNEL.matcher(channel).matches() || !TS.matcher(ts).matches()) {
      return Optional.empty();
    }
    return Optional.of(new SlackThread(channel, ts));
  }

  /** {@code channel:ts}. */
  String reference() {
    return channel + ":" + ts;
  }
}
