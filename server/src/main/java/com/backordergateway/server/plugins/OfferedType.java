package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.ConnectorType;
import com.backordergateway.api.v1.SettingInfo;
import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.SettingSpec;
import java.util.Objects;

/** A connector type a loaded plugin offers, as operators see it in {@code ListConnectors}. */
public record OfferedType(String pluginId, String pluginVersion, ConnectorDescriptor descriptor) {

  public OfferedType {
    Objects.requireNonNull(pluginId, "pluginId is null");
    Objects.requireNonNull(pluginVersion, "pluginVersion is null");
    Objects.requireNonNull(descriptor, "descriptor is null");
  }

  ConnectorType toProto() {
    ConnectorType.Builder out = ConnectorType.newBuilder()
        .setType(descriptor.type())
        .setDisplayName(descriptor.displayName())
        .setPluginId(pluginId)
        .setPluginVersion(pluginVersion)
        .setDefaultRatePerSecond(descriptor.defaultRateLimit().permitsPerSecond())
        .setDefaultRateBurst(descriptor.defaultRateLimit().burst());
    descriptor.capabilities().stream().map(Capability::name).sorted().forEach(out::addCapabilities);
    descriptor.settings().forEach(spec -> out.addSettings(setting(spec)));
    return out.build();
  }

  private static SettingInfo setting(SettingSpec spec) {
    return SettingInfo.newBuilder()
        .setKey(spec.key())
        .setFormat(spec.secret() && spec.format().typeName().equals("string") ? "secret" : spec.format().typeName())
        .setExpected(spec.format().expected())
        .setRequired(spec.required())
        .setSecret(spec.secret())
        .setDefaultValue(spec.defaultValue() == null || spec.secret() ? "" : spec.defaultValue())
        .setDescription(spec.description())
        .setExample(spec.secret() ? "" : spec.example())
        .build();
  }
}
