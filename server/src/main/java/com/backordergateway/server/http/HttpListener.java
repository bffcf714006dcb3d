package com.backordergateway.server.http;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.dashboard.Dashboard;
import com.backordergateway.server.tls.ServerTls;
import io.grpc.Status;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP port: operations endpoints, JSON REST for the API, platform webhooks and the staff
 * dashboard — one
 * embedded server (Javalin on Jetty), HTTPS when {@code server.tls} is set (see
 * {@link HttpsConnector}, {@link ClientCertificates}). Bodies over {@code shim.max-body-bytes} answer 413.
 *
 * <p>Stopping drains like gRPC: Jetty stops accepting, the calls in flight finish (their answer
 * may be a committed event), and only then does the server close, after {@link #DRAIN} at most.
 */
@Singleton
public final class HttpListener {

  /** As long as gRPC's drain: a REST call is a gRPC call behind the shim. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private static final List<HandlerType> VERBS =
      List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private final GatewayConfig config;
  private final OpsEndpoints ops;
  private final RestShim rest;
  private final WebhookEndpoint webhooks;
  private final GatewayChannel channel;
  private final Dashboard dashboard;
  private final Optional<ServerTls> tls;
  private final ClientCertificates certificates;
  private Javalin http;

  @Inject
  HttpListener(GatewayConfig config, Optional<ServerTls> tls, OpsEndpoints ops, RestShim rest, WebhookEndpoint webhooks,
      GatewayChannel channel, Dashboard dashboard) {
    this.dashboard = dashboard;
    this.config = config;
    this.tls = tls;
    this.certificates = new ClientCertificates(tls);
    this.ops = ops;
    this.rest = rest;
    this.webhooks = webhooks;
    this.channel = channel;
  }

  public synchronized void start() {
    http = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.jetty.modifyServer(server -> {
        // Javalin nests its handlers inside this one, which holds stop() until requests end.
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(DRAIN.toMillis());
        server.setErrorHandler(new JsonErrorHandler());
      });
      tls.ifPresent(material -> c.jetty.addConnector((server, httpConfig) -> HttpsConnector.create(
          server, httpConfig, material, config.server().bindAddress(), config.server().httpPort())));
      c.http.maxRequestSize = config.shim().maxBodyBytes();
      c.routes.get("/healthz", ops::health);
      c.routes.get("/readyz", ops::readiness);
      c.routes.get("/metrics", certificates.required(ops::metrics));
      c.routes.post("/webhooks/{source}/{instance}", webhooks::handle);
      c.routes.head("/webhooks/{source}/{instance}", WebhookEndpoint::check);
      for (HandlerType verb : VERBS) {
        c.routes.addHttpHandler(verb, "/v1/<path>", certificates.required(rest::handle));
      }
      dashboard.addRoutes(c.routes, certificates::required);
      c.routes.exception(HttpResponseException.class, (e, ctx) -> HttpErrors.respond(ctx, e.getStatus(),
          e.getStatus() == 413 ? Status.Code.OUT_OF_RANGE : Status.Code.INVALID_ARGUMENT,
          e.getStatus() == 413 ? "request body over " + config.shim().maxBodyBytes() + " bytes" : e.getMessage()));
    });
    // With TLS the HTTPS connector above is the only one; Javalin adds a plaintext one otherwise.
    http.start(config.server().bindAddress(), config.server().httpPort());
  }

  public synchronized int port() {
    return http.port();
  }

  public synchronized void stop() {
    ops.ready(false);
    // Live dashboard streams never end by themselves: end them first, so the drain waits only for calls.
    dashboard.endLiveStreams();
    if (http != null) {
      http.stop();
    }
    dashboard.close();
    channel.close();
  }
}
