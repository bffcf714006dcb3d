package com.backordergateway.plugins.klaviyo;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.Recipient;
import java.util.Objects;
import java.util.Optional;

/**
 * How the event names the customer's Klaviyo profile: by email, by phone number (E.164, as
 * Klaviyo stores it), or both. Klaviyo needs at least one identifier to find or create the
 * profile, so a recipient with neither cannot be sent, now or later.
 */
record KlaviyoProfile(Optional<String> email, Optional<String> phoneNumber) {

  KlaviyoProfile {
    Objects.requireNonNull(email, "email is null");
    Objects.requireNonNull(phoneNumber, "phoneNumber is null");
  }

  /**
   * The identifiers the recipient has.
   *
   * @throws PermanentDeliveryException if it has neither an email nor a phone number
   */
  static KlaviyoProfile of(Recipient recipient, String deliveryId) throws PermanentDeliveryException {
    Objects.requireNonNull(recipient, "recipient is null");
    Optional<String> email = present(recipient.email());
    Optional<String> phone = present(recipient.phone());
    if (email.isEmpty() && phone.isEmpty()) {
      throw new PermanentDeliveryException("delivery " + deliveryId
          + ": the recipient has neither an email address nor a phone number, which Klaviyo needs to find the profile");
    }
    return new KlaviyoProfile(email, phone);
  }

  private static Optional<String> present(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
  }
}
