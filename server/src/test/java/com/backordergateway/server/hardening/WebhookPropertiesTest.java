package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.TestGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The Shopify and WooCommerce webhook sources, through their real plugin jars, at
 * {@code POST /webhooks/{source}/{instance}}: random and mutated bodies and headers. Without a
 * valid signature the answer is 401 and nothing is stored; with one, over whatever body, it is a
 * 2xx or a 4xx (a JSON status, nothing stored) — never a 5xx. A source or instance that is not
 * configured is a 4xx, nothing stored.
 */
class WebhookPropertiesTest {

  /** A configured source: where it is posted, how it signs, and a delivery it would record. */
  record Source(String type, String instance, String secret, String signatureHeader, Map<String, String> headers,
      String body) {
    String path() {
      return "/webhooks/" + type + "/" + instance;
    }

    @Override
    public String toString() {
      return type;
    }
  }

  static final List<Source> SOURCES = List.of(
      new Source("shopify", "main-store", "shopify-signing-secret-0001", "X-Shopify-Hmac-Sha256",
          Map.of("X-Shopify-Topic", "orders/updated", "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37",
              "Content-Type", "application/json"),
          """
          {"id":5829374619,"name":"#1001","email":"maya@example.com","tags":"backorder","cancelled_at":null,
           "customer":{"first_name":"Maya","last_name":"Okafor","email":"maya@example.com","phone":"+13125550147"},
           "line_items":[{"id":1,"sku":"ACR-WHITE","quantity":2,"current_quantity":2,"fulfillable_quantity":2,
             "fulfillment_status":null}]}
          """),
      new Source("woocommerce", "wp-shop", "woo-signing-secret-0001", "X-WC-Webhook-Signature",
          Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Delivery-ID", "9001",
              "Content-Type", "application/json"),
          """
          {"id":727,"number":"727","status":"on-hold","billing":{"first_name":"Maya","last_name":"Okafor",
           "email":"maya@example.com","phone":"+13125550147"},
           "line_items":[{"id":1,"sku":"YARN-BLUE","quantity":1,"meta_data":[{"key":"Backordered","value":"1"}]}]}
          """));

  private static final String CONFIG = """
      sources:
        - {id: main-store, type: shopify, settings: {secret: shopify-signing-secret-0001}}
        - {id: wp-shop, type: woocommerce, settings: {secret: woo-signing-secret-0001}}
      connectors:
        - {id: email, type: sendgrid, awaiting-plugin: true}
        - {id: chat, type: slack, awaiting-plugin: true}
      routes:
        - {name: customers, when: {audience: customer}, send: [email]}
        - {name: staff, when: {audience: staff}, send: [chat]}
      """;

  @TempDir static Path dir;
  static ApiProbe probe;

  @BeforeAll
  static void start() throws IOException {
    Files.createDirectories(TestGateway.pluginsDir(dir));
    for (Source source : SOURCES) {
      String jar = System.getProperty("plugin.jar." + source.type());
      assertThat(jar).as("the %s plugin jar (Maven passes plugin.jar.%s)", source.type(), source.type()).isNotNull();
      Files.copy(Path.of(jar), TestGateway.pluginsDir(dir).resolve(source.type() + ".jar"));
    }
    probe = new ApiProbe(TestGateway.start(dir, new TestClock(Instant.parse("2026-03-02T15:00:00Z")),
        new TestGateway.Options(CONFIG, false, false)));
  }

  @AfterAll
  static void stop() {
    probe.close();
  }

  static List<Source> sources() {
    return SOURCES;
  }

  /** One delivery: its body, and its headers other than the signature. */
  record Delivery(byte[] body, Map<String, String> headers) {
    @Override
    public String toString() {
      return headers + " " + Mutations.abbreviate(new String(body, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void aDeliveryWithoutItsSignatureIsRefused401AndStoresNothing(Source source) {
    ApiProbe.theory(60).forAll(deliveries(source), wrongSignatures(source)).checkAssert((delivery, signature) -> {
      Map<String, String> headers = new LinkedHashMap<>(delivery.headers());
      signature.ifPresent(s -> headers.put(source.signatureHeader(), s));
      ApiProbe.Fingerprint before = probe.fingerprint();
      HttpResponse<String> answer = probe.withoutErrorsLogged(
          () -> probe.http("POST", source.path(), delivery.body(), headers));
      ApiProbe.assertClientError(answer, List.of(401));
      assertThat(probe.fingerprint()).isEqualTo(before);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void aSignedDeliveryOfAnyBodyIsAnsweredOrRefusedAsTheSendersFault(Source source) {
    ApiProbe.theory(80).forAll(deliveries(source)).checkAssert(delivery -> {
      Map<String, String> headers = new LinkedHashMap<>(delivery.headers());
      headers.put(source.signatureHeader(), WebhookSignatures.hmacSha256Base64(source.secret(), delivery.body()));
      ApiProbe.Fingerprint before = probe.fingerprint();
      HttpResponse<String> answer = probe.withoutErrorsLogged(
          () -> probe.http("POST", source.path(), delivery.body(), headers));
      assertThat(answer.statusCode()).as("%d %s", answer.statusCode(), answer.body()).isBetween(200, 499);
      if (answer.statusCode() >= 300) {
        ApiProbe.assertClientError(answer, List.of(400, 401, 404, 409, 413));
        assertThat(probe.fingerprint()).isEqualTo(before);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void aDeliveryToASourceThatIsNotConfiguredIsRefusedAsNotFoundAndStoresNothing(Source source) {
    Gen<String> names = Mutations.nastyStrings().map(s -> s.length() > 200 ? s.substring(0, 200) : s)
        .assuming(name -> !name.equals(source.type()) && !name.equals(source.instance()));
    ApiProbe.theory(40).forAll(names, Generate.booleans()).checkAssert((name, asType) -> {
      String path = "/webhooks/"
          + (asType ? encode(name) + "/" + source.instance() : source.type() + "/" + encode(name));
      byte[] body = source.body().getBytes(StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>(source.headers());
      headers.put(source.signatureHeader(), WebhookSignatures.hmacSha256Base64(source.secret(), body));
      ApiProbe.Fingerprint before = probe.fingerprint();
      HttpResponse<String> answer = probe.withoutErrorsLogged(() -> probe.http("POST", path, body, headers));
      ApiProbe.assertClientError(answer, List.of(400, 404, 405));
      assertThat(probe.fingerprint()).isEqualTo(before);
    });
  }

  private static String encode(String pathSegment) {
    return java.net.URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The source's delivery with its body mutated or replaced, and headers dropped, changed or added. */
  private static Gen<Delivery> deliveries(Source source) {
    Gen<byte[]> bodies = Generate.oneOf(Mutations.mutatedJson(source.body()), Mutations.randomBytes(300),
        Generate.constant(() -> source.body().getBytes(StandardCharsets.UTF_8)));
    List<String> names = new ArrayList<>(source.headers().keySet());
    names.addAll(List.of("X-Forwarded-For", "X-Unknown", "Accept"));
    Gen<String> values = Generate.oneOf(Generate.pick(List.of("", " ", "orders/updated ", "ORDERS/UPDATED",
            "inventory_levels/update", "order.updated", "product.updated", "order.deleted", "application/xml", "0")),
        Mutations.text(Generate.range(0x20, 0x7e), 300));
    Gen<Map<String, String>> headers = in -> {
      Map<String, String> h = new LinkedHashMap<>(source.headers());
      int changes = Generate.range(0, 3).generate(in);
      for (int i = 0; i < changes; i++) {
        String name = names.get(Generate.range(0, names.size() - 1).generate(in));
        if (Generate.booleans().generate(in)) {
          h.remove(name);
        } else {
          h.put(name, values.generate(in));
        }
      }
      return h;
    };
    return bodies.zip(headers, Delivery::new);
  }

  /** No signature, one that is not base64 of anything, or the signature of another body or by another secret. */
  private static Gen<Optional<String>> wrongSignatures(Source source) {
    Gen<String> other = Generate.oneOf(
        Mutations.text(Generate.range(0x21, 0x7e), 60),
        Mutations.text(Generate.range(0, 0x10FFFF), 40).map(b -> WebhookSignatures.hmacSha256Base64(source.secret(),
            ("another body " + b).getBytes(StandardCharsets.UTF_8))),
        Generate.constant(() -> WebhookSignatures.hmacSha256Base64("not-the-secret-0001",
            source.body().getBytes(StandardCharsets.UTF_8))));
    return Generate.oneOf(Generate.constant(Optional.empty()), other.map(Optional::of));
  }
}
