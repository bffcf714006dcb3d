package com.backordergateway.server.plugins;

import java.nio.file.Path;

/** Source code of the connector plugins the runtime tests drop. */
public final class TestPlugins {

  private TestPlugins() {}

  /**
   * A connector of type {@code echo} whose receipts say which version delivered; it takes a
   * required {@code greeting} and a secret {@code api-key}, counts deliveries in flight and
   * reports on close how many were still running.
   */
  public static PluginJarBuilder echo(Path work, String version, long deliverMillis) {
    String pkg = "test.echo.v" + version.replace('.', '_');
    return new PluginJarBuilder(work, "echo", version)
        .extension(pkg + ".EchoConnector", """
            package %1$s;
            import com.backordergateway.connector.api.*;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            import com.backordergateway.server.plugins.PluginProbe;
            @org.pf4j.Extension
            public class EchoConnector implements Connector {
              public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("echo", "Echo", List.of(
                    SettingSpec.required("greeting", "what to say"),
                    SettingSpec.optionalSecret("api-key", "a secret")),
                    RateLimit.perSecond(100), Set.of(Capability.STAFF_AUDIENCE));
              }
              public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
                String greeting = settings.get("greeting");
                AtomicInteger inFlight = new AtomicInteger();
                return new ConnectorSession() {
                  public DeliveryReceipt deliver(Notification n) throws DeliveryException {
                    inFlight.incrementAndGet();
                    try {
                      Thread.sleep(%3$d);
                      if (n.deliveryId().startsWith("fail-")) {
                        throw new PermanentDeliveryException("echo refused " + n.deliveryId());
                      }
                      return DeliveryReceipt.of("%2$s:" + greeting + ":" + n.deliveryId());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new RetryableDeliveryException("interrupted");
                    } finally {
                      inFlight.decrementAndGet();
                    }
                  }
                  public void close() {
                    PluginProbe.record("echo %2$s closed with " + inFlight.get() + " in flight");
                  }
                };
              }
            }
            """.formatted(pkg, version, deliverMillis));
  }

  /** A connector of type {@code type} whose receipts carry the value of a bundled library class. */
  public static PluginJarBuilder withLibrary(Path work, String pluginId, String type, String libraryValue) {
    String pkg = "test." + pluginId.replace('-', '_');
    return new PluginJarBuilder(work, pluginId, "1.0.0")
        .source("com.example.shared.Library", """
            package com.example.shared;
            public class Library { public static String value() { return "%s"; } }
            """.formatted(libraryValue))
        .extension(pkg + ".LibConnector", """
            package %1$s;
            import com.backordergateway.connector.api.*;
            import java.util.*;
            @org.pf4j.Extension
            public class LibConnector implements Connector {
              public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("%2$s", "Library user", List.of(), RateLimit.perSecond(10), Set.of());
              }
              public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
                return n -> DeliveryReceipt.of(com.example.shared.Library.value());
              }
            }
            """.formatted(pkg, type));
  }

  /**
   * A connector of type {@code poster} that POSTs each notification as JSON to its {@code url}
   * (delivery id, body, previous reference) and classifies the answer the standard way; the
   * receipt is the answer's {@code id} field, or the delivery id. Written against SPI 1.0 only
   * (free-text settings, its own User-Agent, the static {@code PlatformResponses.check}, no
   * audience declared) and built with {@code Plugin-Requires: >=1.0.0 & <2.0.0}: the method and
   * constructor descriptors it links against are exactly those of the 1.0 SPI.
   */
  public static PluginJarBuilder poster(Path work) {
    return poster(work, "1.0.0");
  }

  /**
   * The {@code poster} built as {@code version}; each body also says which build sent it
   * ({@code version}) and from which process ({@code sender}, the gateway's pid).
   */
  public static PluginJarBuilder poster(Path work, String version) {
    return new PluginJarBuilder(work, "poster", version)
        .extension("test.poster.PosterConnector", """
            package test.poster;
            import com.backordergateway.connector.api.*;
            import com.fasterxml.jackson.databind.*;
            import com.fasterxml.jackson.databind.node.*;
            import java.net.URI;
            import java.net.http.HttpRequest;
            import java.util.*;
            @org.pf4j.Extension
            public class PosterConnector implements Connector {
              private static final ObjectMapper JSON = new ObjectMapper();
              public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("poster", "Poster", List.of(SettingSpec.required("url", "where to post")),
                    RateLimit.perSecond(1000), Set.of(Capability.IDEMPOTENCY_KEY, Capability.UPDATE_IN_PLACE));
              }
              public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
                URI url = URI.create(settings.get("url"));
                return n -> {
                  ObjectNode body = JSON.createObjectNode()
                      .put("delivery_id", n.deliveryId()).put("purpose", n.purpose().name())
                      .put("body", n.message().body()).put("previous", n.previousReference().orElse(""))
                      .put("version", "%s").put("sender", ProcessHandle.current().pid());
                  var response = context.http().send(HttpRequest.newBuilder(url)
                      .header("Content-Type", "application/json")
                      .header("User-Agent", "Poster/1.0")
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
                  PlatformResponses.check("poster", response, context.clock());
                  try {
                    JsonNode answer = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
                    return DeliveryReceipt.of(answer.path("id").asText(n.deliveryId()));
                  } catch (Exception e) {
                    return DeliveryReceipt.of(n.deliveryId());
                  }
                };
              }
            }
            """.formatted(version));
  }

  /**
   * A webhook source {@code testshop}: the body must be signed like Shopify signs it
   * (base64 HMAC-SHA256 of the raw body in {@code X-Test-Signature}, with the {@code secret}
   * setting); {@code {"order": "..", "email": "..", "skus": [..]}} is a backorder, an empty
   * {@code skus} list is acknowledged and ignored; the delivery id is {@code X-Test-Delivery}.
   */
  public static PluginJarBuilder testshop(Path work) {
    return new PluginJarBuilder(work, "testshop", "1.0.0")
        .extension("test.shop.ShopSource", """
            package test.shop;
            import com.backordergateway.connector.api.*;
            import com.fasterxml.jackson.databind.*;
            import java.util.*;
            @org.pf4j.Extension
            public class ShopSource implements WebhookSource {
              private static final ObjectMapper JSON = new ObjectMapper();
              public String source() { return "testshop"; }
              public List<SettingSpec> settings() { return List.of(SettingSpec.requiredSecret("secret", "signing secret")); }
              public void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
                String presented = request.header("X-Test-Signature").orElseThrow(
                    () -> WebhookRejectedException.badSignature("missing X-Test-Signature"));
                if (!WebhookSignatures.matchesBase64(settings.get("secret"), request.body(), presented)) {
                  throw WebhookRejectedException.badSignature("X-Test-Signature does not match the body");
                }
              }
              public Optional<BackorderSignal> parse(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
                try {
                  JsonNode body = JSON.readTree(request.body());
                  List<String> skus = new ArrayList<>();
                  body.path("skus").forEach(s -> skus.add(s.asText()));
                  if (skus.isEmpty()) {
                    return Optional.empty();
                  }
                  String delivery = request.header("X-Test-Delivery").orElseThrow(
                      () -> WebhookRejectedException.malformed("missing X-Test-Delivery"));
                  return Optional.of(new BackorderSignal(delivery,
                      new Recipient(body.path("order").asText(), "", body.path("email").asText(), "", "", "", ""),
                      skus, Optional.empty()));
                } catch (java.io.IOException e) {
                  throw WebhookRejectedException.malformed("not JSON");
                }
              }
            }
            """);
  }

  /**
   * A connector of type {@code typed} on SPI 1.1: typed settings ({@code max-rows} 1–10, a secret
   * {@code token}, {@code mode} append|upsert, a list of {@code tags}), customers only, answers
   * classified by a {@code PlatformResponses} with a quirk (a 200 body {@code {"ok":false}} is
   * permanent). It posts {@code {"delivery_id", "mode", "tags"}} to its {@code url}; an answer's
 * {@code note} becomes the receipt's note.
   */
  public static PluginJarBuilder typed(Path work) {
    return new PluginJarBuilder(work, "typed", "1.1.0")
        .manifest("Plugin-Requires", ">=1.1.0 & <2.0.0")
        .extension("test.typed.TypedConnector", """
            package test.typed;
            import com.backordergateway.connector.api.*;
            import java.net.http.HttpRequest;
            import java.util.*;
            @org.pf4j.Extension
            public class TypedConnector implements Connector {
              static final PlatformResponses ANSWERS = PlatformResponses.of("Typed")
                  .withQuirk(answer -> PlatformJson.get().read(answer.body())
                      .filter(node -> node.path("ok").isBoolean() && !node.path("ok").asBoolean())
                      .map(node -> PlatformResponses.Verdict.permanent("ok:false " + node.path("error").asText())));
              public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("typed", "Typed", List.of(
                    SettingSpec.required("url", SettingFormat.url(), "where to post"),
                    SettingSpec.required("max-rows", SettingFormat.integer(1, 10), "rows per call").withExample("5"),
                    SettingSpec.required("token", SettingFormat.secret(), "API token"),
                    SettingSpec.optional("mode", SettingFormat.oneOf("append", "upsert"), "append", "how rows are written"),
                    SettingSpec.optional("tags", SettingFormat.list(SettingFormat.text()), "backorder", "tags to add")),
                    RateLimit.perSecond(1000), Set.of(Capability.CUSTOMER_AUDIENCE));
              }
              public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
                int maxRows = settings.getInt("max-rows");
                return n -> {
                  var body = context.json().object().put("delivery_id", n.deliveryId()).put("mode", settings.get("mode"))
                      .put("max_rows", maxRows);
                  settings.getList("tags").forEach(body.putArray("tags")::add);
                  var response = context.http().send(HttpRequest.newBuilder(settings.getUrl("url"))
                      .header("Content-Type", "application/json").POST(context.json().body(body)).build());
                  ANSWERS.check(response, context.clock());
                  return DeliveryReceipt.of(context.json().text(response.body(), "id").orElse(n.deliveryId()))
                      .withNote(context.json().text(response.body(), "note").orElse(""));
                };
              }
            }
            """);
  }
}
