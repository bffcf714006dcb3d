package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.server.Gateway;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.google.protobuf.Timestamp;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real gateway for the story tests: the distribution's plugin jars of the story's platforms in
 * a plugins folder of its own, a SQLite file, the given connectors and routes, and a client. The
 * story (a sale to zero with two orders waiting, a supplier slip, a restock) is the same for
 * every platform family; only the fakes and what is asserted differ.
 */
final class StoryGateway implements AutoCloseable {

  static final String SKU = "ACR-TITANIUM-WHITE";

  private static final Path DISTRIBUTION_PLUGINS =
      Path.of("../../distribution/target/backorder-gateway/plugins").toAbsolutePath().normalize();
  private static final String TOKEN = "story-test-token-0123456789";

  private final Gateway gateway;
  private final BackorderClient client;

  private StoryGateway(Gateway gateway, BackorderClient client) {
    this.gateway = gateway;
    this.client = client;
  }

  /**
   * Starts a gateway in {@code dir} with the jars of {@code plugins} and this YAML for its
   * {@code connectors:} and {@code routes:} sections.
   */
  static StoryGateway start(Path dir, List<String> plugins, String connectorsAndRoutes) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    try (var jars = Files.newDirectoryStream(DISTRIBUTION_PLUGINS, "{" + String.join(",", plugins) + "}-connector-*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, folder.resolve(jar.getFileName()));
      }
    }
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        server: {http-port: 0}
        plugins: {dir: "%s", watch: false}
        storage: {url: "jdbc:sqlite:%s"}
        auth: {tokens: [{name: story, token: %s, scopes: [intake, read, admin]}]}
        store: {name: Maple & Thread Crafts}
        triggers: {supplier-delay-threshold: 48h}
        """.formatted(folder, dir.resolve("story.db"), TOKEN) + connectorsAndRoutes);
    GatewayConfig loaded = new ConfigLoader(name -> null, Secrets.global()).load(config);
    Gateway gateway = Gateway.start(loaded, Clock.systemUTC(), NettyServerBuilder.forPort(0));
    return new StoryGateway(gateway, BackorderClient.builder().target("localhost:" + gateway.grpcPort()).token(TOKEN)
        .build());
  }

  BackorderClient client() {
    return client;
  }

  /** The HTTP port: REST, webhooks. */
  int httpPort() {
    return gateway.httpPort();
  }

  /** Waits until {@code count} deliveries of {@code purpose} exist, every one delivered. */
  void awaitDelivered(Purpose purpose, int count) {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<Delivery> deliveries = deliveries().stream().filter(d -> d.getPurpose() == purpose).toList();
      assertThat(deliveries).as("%s deliveries", purpose).hasSize(count)
          .allSatisfy(d -> assertThat(d.getStatus()).as(d.getConnector() + ": " + d.getLastError())
              .isEqualTo(DeliveryStatus.DELIVERY_STATUS_DELIVERED));
    });
  }

  /** Waits until {@code count} deliveries exist, every one delivered. */
  List<Delivery> awaitSettled(int count) {
    return await().atMost(Duration.ofSeconds(60)).until(this::deliveries, deliveries -> deliveries.size() == count
        && deliveries.stream().allMatch(d -> d.getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED));
  }

  private List<Delivery> deliveries() {
    return client.admin().listDeliveries(ListDeliveriesRequest.newBuilder().setPageSize(200).build())
        .getDeliveriesList();
  }

  /** A sale that leaves the SKU at zero with this order waiting. */
  static ReportInventoryLevelRequest sale(String orderId, String name, String email) {
    return ReportInventoryLevelRequest.newBuilder().setSku(SKU).setOnHand(0)
        .setCause(InventoryCause.INVENTORY_CAUSE_SALE)
        .setOrder(CustomerOrder.newBuilder().setOrderId(orderId).setOrderName("#" + orderId)
            .setCustomer(Customer.newBuilder().setName(name).setEmail(email).setTimeZone("America/Chicago")))
        .build();
  }

  static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
  }

  @Override
  public void close() {
    client.close();
    gateway.close();
  }
}
