package com.backordergateway.connector.api;

import java.util.Objects;

/** A customer to notify; empty strings for what the caller did not give. */
public record Recipient(
    String orderId, String name, String email, String phone, String locale, String timeZone, String customerId) {

  /** Staff messages go to the instance's configured channel, not a person. */
  public static final Recipient NONE = new Recipient("", "", "", "", "", "", "");

  public Recipient {
    Objects.requireNonNull(orderId, "orderId is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(email, "email is null");
    Objects.requireNonNull(phone, "phone is null");
    Objects.requireNonNull(locale, "locale is null");
    Objects.requireNonNull(timeZone, "timeZone is null");
    Objects.requireNonNull(customerId, "customerId is null");
  }
}
