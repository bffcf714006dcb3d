package com.backordergateway.plugins.gorgias;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.support.FollowUps;
import com.backordergateway.plugins.gorgias.GorgiasTickets.TicketNotFound;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured Gorgias account. A first delivery opens the ticket of its case and order (or
 * of its case, for staff) and, for a customer, emails them from it; a follow-up (a new date, a
 * resolution) adds its message to the ticket the first delivery's receipt named, and a
 * resolution may close it. Receipts are {@code (ticket id, ticket id)}.
 *
 * <p>Deliveries are at least once and take several calls, so every step is safe to repeat: the
 * ticket is looked up by its external id before one is opened, a message is written only if no
 * message of the ticket carries the delivery id, and closing twice is harmless. A retry after
 * the email failed therefore finds the ticket and sends the email once. A follow-up whose
 * ticket was deleted opens a new one and says so in the receipt's note. Stateless, so
 * concurrent deliveries are safe.
 */
final class GorgiasSession implements ConnectorSession {

  private static final Pattern TICKET_ID = Pattern.compile("\\d{1,18}");

  private final GorgiasSettings settings;
  private final ConnectorContext context;
  private final GorgiasTickets tickets;
  private final TicketMessages messages;

  GorgiasSession(GorgiasSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.tickets = new GorgiasTickets(settings, context);
    this.messages = new TicketMessages(settings);
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    TicketMessages.requireSendable(notification);
    Optional<String> previous = FollowUps.recordOf(notification, TICKET_ID, "Gorgias ticket", context);
    if (previous.isEmpty()) {
      return DeliveryReceipt.of(openTicket(notification, ""));
    }
    String ticket = previous.get();
    try {
      addOnce(ticket, notification);
      closeIfResolved(ticket, notification);
      return DeliveryReceipt.of(ticket);
    } catch (TicketNotFound deleted) {
      String opened = openTicket(notification, ticket);
      context.logger().warn("delivery {}: ticket {} was not found on Gorgias; opened ticket {}",
          notification.deliveryId(), ticket, opened);
      return DeliveryReceipt.of(opened).withNote("ticket " + ticket + " was not found on Gorgias; opened ticket " + opened);
    }
  }

  /**
   * The ticket of the notification's case and order: the one an earlier attempt opened (never
   * {@code deleted}), else a new one; then this delivery's message and, for a resolution, closing.
   */
  private String openTicket(Notification notification, String deleted) throws DeliveryException {
    Optional<String> found = tickets.find(TicketMessages.ticketKey(notification)).filter(id -> !id.equals(deleted));
    String ticket = found.isPresent() ? found.get() : tickets.create(messages.ticket(notification));
    try {
      if (found.isPresent()) {
        addOnce(ticket, notification);
      } else if (messages.emailsCustomer(notification)) {
        tickets.addMessage(ticket, messages.message(notification));
      }
      closeIfResolved(ticket, notification);
    } catch (TicketNotFound vanished) {
      throw new RetryableDeliveryException("ticket " + ticket + " was opened on Gorgias but is gone; opening again");
    } catch (PermanentDeliveryException refused) {
      throw new PermanentDeliveryException("ticket " + ticket + " is open on Gorgias, but " + refused.getMessage(), refused);
    }
    return ticket;
  }

  /** Writes the delivery's message unless an earlier attempt did. */
  private void addOnce(String ticket, Notification notification) throws DeliveryException, TicketNotFound {
    if (tickets.hasMessage(ticket, notification.deliveryId())) {
      context.logger().debug("delivery {}: already on ticket {}", notification.deliveryId(), ticket);
      return;
    }
    tickets.addMessage(ticket, messages.message(notification));
  }

  private void closeIfResolved(String ticket, Notification notification) throws DeliveryException, TicketNotFound {
    if (notification.purpose() == Purpose.RESOLUTION && settings.closeOnResolution()) {
      tickets.close(ticket);
    }
  }

  @Override
  public String toString() {
    return "GorgiasSession[" + context.instanceId() + " → " + settings.host() + " as " + settings.email()
        + (settings.proactiveEmail() ? ", emails from " + settings.supportEmail() : ", suggested replies") + "]";
  }
}
