package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.plugins.ConnectorInstances;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC listener: BackorderService and AdminService behind the auth interceptor, plus
 * health (one entry per service and per connector instance) and reflection v1.
 *
 * <p>Takes a {@link ServerBuilder} so tests can pass an in-process one.
 */
@Singleton
public final class GrpcServer {

  private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

  private final GatewayConfig config;
  private final BackorderGrpcService backorder;
  private final AdminGrpcService admin;
  private final AuthInterceptor auth;
  private final ConnectorInstances instances;
  private final HealthStatusManager health = new HealthStatusManager();
  /** The same services in-process, for the REST shim: no sockets, no serialization copies. */
  private final String inProcessName = "backorder-gateway-" + java.util.UUID.randomUUID();
  private Server server;
  private Server inProcess;

  @Inject
  GrpcServer(GatewayConfig config, BackorderGrpcService backorder, AdminGrpcService admin, AuthInterceptor auth,
      ConnectorInstances instances) {
    this.config = config;
    this.instances = instances;
    this.backorder = backorder;
    this.admin = admin;
    this.auth = auth;
  }

  public synchronized void start(ServerBuilder<?> builder) throws IOException {
    server = withServices(builder).build().start();
    inProcess = withServices(io.grpc.inprocess.InProcessServerBuilder.forName(inProcessName).directExecutor())
        .build().start();
    // NOT_SERVING until the whole gateway has started (see serving()): a client that waits for
    // SERVING then finds the HTTP listener up and the shutdown hook in place.
    setServing(ServingStatus.NOT_SERVING);
    // One entry per connector instance: SERVING while its plugin is loaded and it is enabled.
    instances.onServingChange((id, serving) ->
        health.setStatus("connector/" + id, serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING));
    log.info("gRPC listening on port {}", server.getPort());
  }

  /** Called once the gateway has fully started: health checks answer SERVING from now on. */
  public synchronized void serving() {
    setServing(ServingStatus.SERVING);
  }

  private void setServing(ServingStatus status) {
    health.setStatus("", status);
    health.setStatus(BackorderServiceGrpc.SERVICE_NAME, status);
    health.setStatus(AdminServiceGrpc.SERVICE_NAME, status);
  }

  private ServerBuilder<?> withServices(ServerBuilder<?> builder) {
    return builder
        .addService(MalformedRequests.guard(ServerInterceptors.intercept(backorder, auth)))
        .addService(MalformedRequests.guard(ServerInterceptors.intercept(admin, auth)))
        .addService(MalformedRequests.guard(health.getHealthService().bindService()))
        .addService(MalformedRequests.guard(ProtoReflectionServiceV1.newInstance().bindService()))
        .maxInboundMessageSize(config.server().maxRequestBytes());
  }

  public synchronized int port() {
    return server.getPort();
  }

  /** The in-process name the REST shim dials when it runs inside this gateway. */
  public String inProcessName() {
    return inProcessName;
  }

  /** Stops taking calls, lets calls in progress finish for up to {@code graceSeconds}, then cancels the rest. */
  public synchronized void stop(long graceSeconds) {
    if (server == null) {
      return;
    }
    health.enterTerminalState();
    inProcess.shutdown();
    server.shutdown();
    try {
      if (!server.awaitTermination(graceSeconds, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (!inProcess.awaitTermination(5, TimeUnit.SECONDS)) {
        inProcess.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
