/**
 * A small Java client for the Backorder Gateway's gRPC API ({@code backorder.v1}).
 *
 * <p>{@link com.backordergateway.client.BackorderClient} owns one channel and hands out the
 * generated stubs for {@code BackorderService} and {@code AdminService}, already set up with the
 * caller's bearer token and a default deadline for unary calls:
 *
 * <pre>{@code
 * try (BackorderClient client = BackorderClient.builder()
 *     .target("gateway.example.com:8443")
 *     .tls()
 *     .token(System.getenv("BACKORDER_TOKEN"))
 *     .build()) {
 *   Event event = client.backorder().getEvent(
 *       GetEventRequest.newBuilder().setEventId(id).build());
 * }
 * }</pre>
 */
package com.backordergateway.client;
