package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.PluginInfo;
import java.util.List;

/** What became of one jar in the plugins folder. */
public record PluginStatus(
    String jar, String pluginId, String version, ConnectorState state, String lastError,
    List<String> connectorTypes, List<String> webhookSources) {

  static PluginStatus failed(String jar, String pluginId, String version, String reason) {
    return new PluginStatus(jar, pluginId, version, ConnectorState.CONNECTOR_STATE_FAILED, reason, List.of(), List.of());
  }

  PluginInfo toProto() {
    return PluginInfo.newBuilder()
        .setPluginId(pluginId)
        .setVersion(version)
        .setJar(jar)
        .setState(state)
        .setLastError(lastError)
        .addAllConnectorTypes(connectorTypes)
        .build();
  }
}
