package com.backordergateway.server.http;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.plugins.ConfiguredPlugins;
import com.backordergateway.server.plugins.PluginHost;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.StoreWriteHealth;
import io.javalin.http.Context;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The operations endpoints, open without a token as probes and scrapers expect:
 * {@code /healthz} (the process is up), {@code /readyz} (serving, store reachable and writing; names the
 * instances still awaiting their plugin) and
 * {@code /metrics} (Prometheus text format; with {@code server.tls.client-ca} it needs a client
 * certificate, see {@link ClientCertificates}).
 */
@Singleton
public final class OpsEndpoints {

  private final PrometheusRegistry registry;
  private final Database database;
  private final StoreWriteHealth writes;
  private final GatewayConfig config;
  private final PluginHost plugins;
  private final AtomicBoolean ready = new AtomicBoolean();

  @Inject
  OpsEndpoints(PrometheusRegistry registry, Database database, StoreWriteHealth writes, GatewayConfig config,
      PluginHost plugins) {
    this.registry = registry;
    this.database = database;
    this.writes = writes;
    this.config = config;
    this.plugins = plugins;
  }

  void health(Context ctx) {
    ctx.result("ok");
  }

  /** Ready once the gateway has started everything; not ready while it stops. */
  public void ready(boolean isReady) {
    ready.set(isReady);
  }

  void readiness(Context ctx) {
    boolean storeUp;
    try {
      storeUp = database.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      storeUp = false;
    }
    boolean serving = ready.get() && storeUp;
    if (!serving) {
      ctx.status(503).result(ready.get() ? "store unreachable" : "not serving");
      return;
    }
    var cannotWrite = writes.cannotWrite();
    if (cannotWrite.isPresent()) {
      ctx.status(503).result("store cannot write: " + cannotWrite.get());
      return;
    }
    // Ready: instances configured to wait for a plugin do not hold the rest back, but are named.
    List<String> awaiting = ConfiguredPlugins.awaiting(config, plugins);
    ctx.status(200).result(awaiting.isEmpty() ? "ready" : "ready; awaiting plugins: " + String.join(", ", awaiting));
  }

  void metrics(Context ctx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    writer.write(out, registry.scrape());
    ctx.contentType(writer.getContentType()).result(out.toByteArray());
  }
}
