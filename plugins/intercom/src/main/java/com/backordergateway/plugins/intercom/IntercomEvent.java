package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The JSON body of Intercom's Submit a data event call for one notification:
 *
 * <pre>{"event_name":"backorder-created", "created_at":1772443800,
 *  "user_id":"cus_8812" (or "email":".."), "metadata":{...}}</pre>
 *
 * <p>{@code created_at} is the host clock's time in whole Unix seconds. The metadata is chosen by
 * {@link IntercomMetadata}.
 */
final class IntercomEvent {

  private IntercomEvent() {}

  static ObjectNode of(Notification notification, IntercomUser user, String eventName, Instant now) {
    Objects.requireNonNull(notification, "notification is null");
    Objects.requireNonNull(user, "user is null");
    Objects.requireNonNull(eventName, "eventName is null");
    Objects.requireNonNull(now, "now is null");
    ObjectNode root = PlatformJson.get().object();
    root.put("event_name", eventName);
    root.put("created_at", now.getEpochSecond());
    root.put(user.field(), user.value());
    root.set("metadata", IntercomMetadata.of(notification));
    return root;
  }
}
