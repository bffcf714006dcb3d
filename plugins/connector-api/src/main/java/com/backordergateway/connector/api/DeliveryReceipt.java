package com.backordergateway.connector.api;

import java.util.Objects;

/**
 * What the platform created.
 *
 * @param externalId the platform's id (message sid, ticket id, row id)
 * @param reference what a later delivery of the same case needs to update it in place (often
 *     the same id; a Slack thread timestamp); empty if the connector cannot update in place
 * @param note what the delivery record should say about how it went, when it is not the plain
 *     case ("the ticket 4521 was deleted, opened 4533 instead"); empty otherwise. Since 1.1.
 */
public record DeliveryReceipt(String externalId, String reference, String note) {

  public DeliveryReceipt {
    Objects.requireNonNull(externalId, "externalId is null");
    Objects.requireNonNull(reference, "reference is null");
    Objects.requireNonNull(note, "note is null");
  }

  /** A receipt without a note (the 1.0 shape). */
  public DeliveryReceipt(String externalId, String reference) {
    this(externalId, reference, "");
  }

  public static DeliveryReceipt of(String externalId) {
    return new DeliveryReceipt(externalId, externalId);
  }

  /** This receipt with {@code note} for the delivery record. Since 1.1. */
  public DeliveryReceipt withNote(String note) {
    return new DeliveryReceipt(externalId, reference, note);
  }
}
