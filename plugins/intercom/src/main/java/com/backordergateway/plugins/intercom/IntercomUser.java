package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.Recipient;
import java.util.Objects;

/**
 * Who the event is about, as Intercom identifies a user: by {@code user_id} (the store's
 * customer id, which the retailer's Intercom setup must use as the user id) when the recipient
 * has one, else by {@code email}. A recipient with neither cannot be matched to a contact, now or
 * later.
 *
 * @param field the body field, {@code user_id} or {@code email}
 * @param value its value
 */
record IntercomUser(String field, String value) {

  IntercomUser {
    Objects.requireNonNull(field, "field is null");
    Objects.requireNonNull(value, "value is null");
  }

  /**
   * The identifier to send.
   *
   * @throws PermanentDeliveryException if the recipient has neither a customer id nor an email
   */
  static IntercomUser of(Recipient recipient, String deliveryId) throws PermanentDeliveryException {
    Objects.requireNonNull(recipient, "recipient is null");
    String customerId = recipient.customerId().strip();
    if (!customerId.isEmpty()) {
      return new IntercomUser("user_id", customerId);
    }
    String email = recipient.email().strip();
    if (!email.isEmpty()) {
      return new IntercomUser("email", email);
    }
    throw new PermanentDeliveryException("delivery " + deliveryId
        + ": the recipient has neither a customer id nor an email address, which Intercom needs to find the user");
  }
}
