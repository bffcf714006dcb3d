package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;

/**
 * Teams channels are the retailer's own: a customer notice routed here by mistake is refused
 * before anything is posted, so no customer's name or order lands in a staff channel and the
 * host can send the delivery to its fallback.
 */
final class StaffOnly {

  private StaffOnly() {}

  static void require(Notification notification) throws PermanentDeliveryException {
    if (notification.audience() != Notification.Audience.STAFF) {
      throw new PermanentDeliveryException("Teams posts to a staff channel: " + notification.audience()
          + " notifications are not sent there (delivery " + notification.deliveryId()
          + "); route customer notices to an SMS or email connector");
    }
  }
}
