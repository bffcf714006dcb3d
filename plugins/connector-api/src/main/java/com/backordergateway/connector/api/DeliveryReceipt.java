package com.backordergateway.connector.api;

import java.util.Objects;

/**
 * What the platform created.
 *
 * @param externalId the platform's id (message sid, ticket id, row id)
 * @param reference what a later delivery of the same case needs to update it in place (often
 *     the same id; a Slack thread timestamp); empty if the connector cannot update in place
 */
public record DeliveryReceipt(String externalId, String reference) {

  public DeliveryReceipt {
    Objects.requireNonNull(externalId, "externalId is null");
    Objects.requireNonNull(reference, "reference is null");
  }

  public static DeliveryReceipt of(String externalId) {
    return new DeliveryReceipt(externalId, externalId);
  }
}
