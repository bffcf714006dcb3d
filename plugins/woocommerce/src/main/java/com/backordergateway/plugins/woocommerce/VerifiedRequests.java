package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.WebhookRequest;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Carries a source instance's settings from {@code verify} to {@code parse} of the same request.
 * The SPI hands settings only to {@code verify}, yet parsing needs them (the configured tag); the
 * host calls both on one {@link WebhookRequest} object, so the settings are kept against that
 * object (by identity, weakly: a request verified but never parsed is simply collected).
 *
 * @param <S> the source's parsed settings
 */
final class VerifiedRequests<S> {

  private final Map<WebhookRequest, S> verified = Collections.synchronizedMap(new WeakHashMap<>());
  private final S defaults;

  VerifiedRequests(S defaults) {
    this.defaults = Objects.requireNonNull(defaults, "defaults is null");
  }

  void remember(WebhookRequest request, S settings) {
    verified.put(Objects.requireNonNull(request, "request is null"), Objects.requireNonNull(settings, "settings is null"));
  }

  /** The settings {@code request} was verified with, forgotten now; the declared defaults if none. */
  S take(WebhookRequest request) {
    S settings = verified.remove(Objects.requireNonNull(request, "request is null"));
    return settings == null ? defaults : settings;
  }
}
