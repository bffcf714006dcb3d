package com.backordergateway.server;

import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.config.ConfigModule;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.delivery.DeliveryDispatcher;
import com.backordergateway.server.dashboard.DashboardModule;
import com.backordergateway.server.delivery.DeliveryModule;
import com.backordergateway.server.grpc.GrpcModule;
import com.backordergateway.server.http.HttpListener;
import com.backordergateway.server.http.HttpModule;
import com.backordergateway.server.http.OpsEndpoints;
import com.backordergateway.server.metrics.GatewayGauges;
import com.backordergateway.server.grpc.GrpcServer;
import com.backordergateway.server.intake.IntakeModule;
import com.backordergateway.server.intake.SupplierDelayMonitor;
import com.backordergateway.server.metrics.MetricsModule;
import com.backordergateway.server.plugins.ConfiguredPlugins;
import com.backordergateway.server.plugins.ConnectorInstances;
import com.backordergateway.server.plugins.PluginFolderWatcher;
import com.backordergateway.server.plugins.PluginHost;
import com.backordergateway.server.plugins.SourceInstances;
import com.backordergateway.server.plugins.PluginsModule;
import com.backordergateway.rendering.TemplateException;
import com.backordergateway.server.routing.NotificationTemplates;
import com.backordergateway.server.routing.RoutingModule;
import com.backordergateway.server.cluster.ClusterModule;
import com.backordergateway.server.cluster.ReplicaRegistry;
import com.backordergateway.server.cluster.RetentionJob;
import com.backordergateway.server.store.ChangeNotifications;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.store.StoreModule;
import com.backordergateway.server.tls.ServerTls;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.name.Names;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running gateway: the wired modules, plugins, the gRPC listener and the background monitor. */
public final class Gateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final Injector injector;
  private final GrpcServer grpc;

  private Gateway(Injector injector) {
    this.injector = injector;
    this.grpc = injector.getInstance(GrpcServer.class);
  }

  /** Starts on the configured address and port with Netty; {@code server.tls} secures both ports. */
  public static Gateway start(GatewayConfig config) {
    GatewayConfig.Server server = config.server();
    Optional<ServerTls> tls = ServerTls.load(server.tls());
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(server.bindAddress(), server.grpcPort()),
                TlsCredentials.serverCredentials(tls))
            // Handlers never block (intake answers from the commit callback, reads go to the
            // query pool), so running them on the transport threads saves two thread hops a call.
            .directExecutor();
    return start(config, Clock.systemUTC(), builder, tls);
  }

  /**
   * Starts with the given clock and server builder (tests: a fixed clock, an in-process builder).
   * The builder brings its own transport security; {@code server.tls} still secures the HTTP port.
   */
  public static Gateway start(GatewayConfig config, Clock clock, ServerBuilder<?> builder) {
    return start(config, clock, builder, ServerTls.load(config.server().tls()));
  }

  private static Gateway start(GatewayConfig config, Clock clock, ServerBuilder<?> builder, Optional<ServerTls> tls) {
    List<String> folder = ConfiguredPlugins.folderProblems(config);
    if (!folder.isEmpty()) {
      throw new ConfigException(folder);
    }
    Injector injector =
        Guice.createInjector(
            new ConfigModule(config, clock),
            new StoreModule(),
            new ClusterModule(),
            new RoutingModule(),
            new IntakeModule(),
            new MetricsModule(),
            new PluginsModule(),
            new DeliveryModule(),
            new HttpModule(tls),
            new DashboardModule(),
            new GrpcModule());
    checkTemplates(injector);
    Gateway gateway = new Gateway(injector);
    try {
      gateway.startPlugins(config);
      gateway.grpc.start(builder);
    } catch (IOException e) {
      gateway.close();
      throw new UncheckedIOException("cannot start the gRPC listener on port " + config.server().grpcPort(), e);
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
    injector.getInstance(SupplierDelayMonitor.class).start();
    injector.getInstance(RetentionJob.class).start();
    injector.getInstance(DeliveryDispatcher.class).start();
    injector.getInstance(GatewayGauges.class).register();
    try {
      injector.getInstance(HttpListener.class).start();
    } catch (RuntimeException e) {
      gateway.close();
      throw new UncheckedIOException("cannot start the HTTP listener on port " + config.server().httpPort(),
          new IOException(e.getMessage(), e));
    }
    injector.getInstance(OpsEndpoints.class).ready(true);
    gateway.grpc.serving();
    return gateway;
  }

  /** Template overrides are part of the configuration: a broken one stops start-up. */
  private static void checkTemplates(Injector injector) {
    try {
      injector.getInstance(NotificationTemplates.class);
    } catch (ProvisionException e) {
      if (e.getCause() instanceof TemplateException broken) {
        throw new ConfigException(broken.problems());
      }
      throw e;
    }
  }

  /**
   * Loads the plugins folder and opens the configured connector and source instances. Settings a
   * plugin refuses are configuration errors at start-up (later, on hot drop, they only fail that
   * instance).
   */
  private void startPlugins(GatewayConfig config) {
    PluginHost host = injector.getInstance(PluginHost.class);
    host.scan();
    List<String> problems = new ArrayList<>(ConfiguredPlugins.problems(config, host));
    problems.addAll(injector.getInstance(ConnectorInstances.class).settingsProblems());
    problems.addAll(injector.getInstance(SourceInstances.class).settingsProblems());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    if (config.plugins().watch()) {
      injector.getInstance(PluginFolderWatcher.class).start();
    }
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int httpPort() {
    return injector.getInstance(HttpListener.class).port();
  }

  public <T> T get(Class<T> type) {
    return injector.getInstance(type);
  }

  /** Graceful stop: no new calls, calls in flight finish, queued writes commit, store closes. */
  @Override
  public void close() {
    log.info("stopping");
    injector.getInstance(HttpListener.class).stop();
    grpc.stop(10);
    injector.getInstance(SupplierDelayMonitor.class).close();
    injector.getInstance(RetentionJob.class).close();
    injector.getInstance(DeliveryDispatcher.class).close();
    injector.getInstance(PluginFolderWatcher.class).close();
    injector.getInstance(PluginHost.class).close();
    injector.getInstance(Key.get(ExecutorService.class, Names.named("queries"))).shutdown();
    injector.getInstance(GroupCommitWriter.class).close();
    injector.getInstance(ChangeNotifications.class).close();
    injector.getInstance(ReplicaRegistry.class).close();
    injector.getInstance(Database.class).close();
    log.info("stopped");
  }
}
