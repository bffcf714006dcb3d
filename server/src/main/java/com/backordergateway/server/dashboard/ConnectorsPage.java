package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.ListConnectorsResponse;
import com.backordergateway.api.v1.PluginInfo;
import com.backordergateway.server.plugins.ConnectorAdmin;
import com.backordergateway.server.plugins.PluginHistory;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /dashboard/connectors}: plugins and connector instances — version, state, health,
 * circuit, pace, the last hour's outcomes and last error — the hot-reload history, and (for
 * admins) enable/disable and test-send.
 */
@Singleton
final class ConnectorsPage {

  record Plugin(String id, String version, String jar, String state, String lastError, String types) {}

  record Instance(String id, String type, String plugin, String mode, String state, String health, String circuit,
      String pace, int delivered, int failedTries, int dead, String lastError, String lastErrorAt, boolean enabled,
      boolean customers, String deliveriesHref) {}

  record Reload(String at, String kind, String jar, String plugin, String detail) {}

  private final ConnectorAdmin admin;
  private final ConnectorHealth health;
  private final DeliveryQueries deliveries;
  private final PluginHistory history;
  private final DashboardText text;
  private final DashboardViews views;

  @Inject
  ConnectorsPage(ConnectorAdmin admin, ConnectorHealth health, DeliveryQueries deliveries, PluginHistory history,
      DashboardText text, DashboardViews views) {
    this.admin = admin;
    this.health = health;
    this.deliveries = deliveries;
    this.history = history;
    this.text = text;
    this.views = views;
  }

  void show(Context ctx) {
    ListConnectorsResponse connectors = admin.list();
    Map<String, DeliveryQueries.RecentOutcomes> recent = deliveries.recentOutcomes(text.now().minus(Duration.ofHours(1)));
    Map<String, String> versions = new HashMap<>();
    connectors.getTypesList().forEach(t -> versions.put(t.getType(), t.getPluginId() + " " + t.getPluginVersion()));
    Map<String, Boolean> customerTypes = new HashMap<>();
    connectors.getTypesList().forEach(t -> customerTypes.put(t.getType(), t.getCapabilitiesList().contains("CUSTOMER_AUDIENCE")));
    List<Instance> instances = connectors.getInstancesList().stream().map(i -> instance(i, recent, versions, customerTypes)).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("instances", instances);
    model.put("plugins", connectors.getPluginsList().stream().map(ConnectorsPage::plugin).toList());
    model.put("reloads", history.changes().stream().map(c -> new Reload(text.time(c.at()), c.kind().label(), c.jar(),
        (c.pluginId() + " " + c.version()).strip(), c.detail())).toList());
    model.put("noReloads", history.changes().isEmpty());
    views.page(ctx, "connectors", "Connectors", model);
  }

  private Instance instance(ConnectorInstance i, Map<String, DeliveryQueries.RecentOutcomes> recent,
      Map<String, String> versions, Map<String, Boolean> customerTypes) {
    ConnectorHealth.Now now = health.of(i.getId());
    DeliveryQueries.RecentOutcomes outcomes = recent.getOrDefault(i.getId(),
        new DeliveryQueries.RecentOutcomes(0, 0, 0, "", null));
    String lastError = !i.getLastError().isEmpty() ? i.getLastError() : outcomes.lastError();
    return new Instance(i.getId(), i.getType(), versions.getOrDefault(i.getType(), "not loaded"), i.getMode(), now.state(),
        now.health(), now.circuit(), now.pace(), outcomes.delivered(), outcomes.failedTries(), outcomes.dead(), lastError,
        i.getLastError().isEmpty() && outcomes.lastErrorAt() != null ? text.time(outcomes.lastErrorAt()) : "",
        i.getState() != ConnectorState.CONNECTOR_STATE_DISABLED, customerTypes.getOrDefault(i.getType(), false),
        "/dashboard/deliveries?view=waiting&connector=" + Pager.encode(i.getId()));
  }

  private static Plugin plugin(PluginInfo p) {
    return new Plugin(p.getPluginId(), p.getVersion(), p.getJar(), DashboardText.label(p.getState()), p.getLastError(),
        String.join(", ", p.getConnectorTypesList()));
  }
}
