package com.backordergateway.client.cli;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.ConnectorType;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListConnectorsResponse;
import com.backordergateway.api.v1.PluginInfo;
import com.backordergateway.api.v1.ReloadPluginsRequest;
import com.backordergateway.api.v1.ReloadPluginsResponse;
import com.backordergateway.api.v1.SetConnectorEnabledRequest;
import com.backordergateway.api.v1.SettingInfo;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.TestConnectorResponse;
import com.backordergateway.client.BackorderClient;
import io.grpc.Status;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Connector plugins and their configured instances (admin scope). */
@Command(name = "connectors", mixinStandardHelpOptions = true,
    description = "List, describe, reload, test, enable and disable connectors.")
final class ConnectorsCommand extends GroupCommand {

  @ParentCommand BackorderCtl ctl;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Plugins and connector instances with their state.")
  int list() {
    ListConnectorsResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.admin().listConnectors(ListConnectorsRequest.getDefaultInstance());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
      return 0;
    }
    output.table(plugins(response.getPluginsList()), "No plugins.");
    output.line("");
    Table instances = new Table("INSTANCE", "TYPE", "MODE", "STATE", "ERROR");
    for (ConnectorInstance i : response.getInstancesList()) {
      instances.row(i.getId(), i.getType(), i.getMode(), ProtoEnums.shortName(i.getState()), i.getLastError());
    }
    output.table(instances, "No connector instances.");
    return 0;
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "A connector type's settings (format, required, default), capabilities and default rate; exit 3 if no loaded plugin offers it.")
  int describe(@Parameters(paramLabel = "TYPE", description = "The connector type, e.g. twilio.") String type) {
    ListConnectorsResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.admin().listConnectors(ListConnectorsRequest.getDefaultInstance());
    }
    ConnectorType t = response.getTypesList().stream().filter(offered -> offered.getType().equals(type)).findFirst()
        .orElseThrow(() -> Status.NOT_FOUND.withDescription("no loaded plugin offers connector type " + type
            + "; loaded types: " + String.join(", ", response.getTypesList().stream().map(ConnectorType::getType).toList()))
            .asRuntimeException());
    Output output = ctl.output();
    if (output.json()) {
      output.json(t);
      return 0;
    }
    output.field("type", t.getType() + " (" + t.getDisplayName() + ")");
    output.field("plugin", t.getPluginId() + " " + t.getPluginVersion());
    output.field("capabilities", String.join(", ", t.getCapabilitiesList()));
    output.field("default rate", t.getDefaultRatePerSecond() + "/s, burst " + t.getDefaultRateBurst());
    output.line("");
    Table settings = new Table("SETTING", "FORMAT", "REQUIRED", "DEFAULT", "EXPECTED", "DESCRIPTION");
    for (SettingInfo s : t.getSettingsList()) {
      settings.row(s.getKey(), s.getFormat(), s.getRequired() ? "yes" : "no", s.getDefaultValue(),
          s.getExpected() + (s.getExample().isEmpty() ? "" : " (e.g. " + s.getExample() + ")"), s.getDescription());
    }
    output.table(settings, "No settings.");
    return 0;
  }

  @Command(name = "reload", mixinStandardHelpOptions = true, description = "Rescan the plugins folder now.")
  int reload() {
    ReloadPluginsResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.admin().reloadPlugins(ReloadPluginsRequest.getDefaultInstance());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
    } else {
      output.table(plugins(response.getPluginsList()), "No plugins.");
    }
    return 0;
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Send (or with --dry-run only render) a sample notification; exit 1 if it fails.")
  int test(
      @Parameters(paramLabel = "CONNECTOR_ID", description = "The connector instance id.") String connectorId,
      @Option(names = "--dry-run", description = "Render and record only; do not call the platform.") boolean dryRun,
      @Option(names = "--email", description = "Customer sample to this address (default: a staff alert).") String email,
      @Option(names = "--phone", description = "Customer sample to this phone number (E.164).") String phone,
      @Option(names = "--name", description = "The sample customer's name.") String name) {
    TestConnectorRequest.Builder request = TestConnectorRequest.newBuilder().setConnectorId(connectorId).setDryRun(dryRun);
    if (email != null || phone != null || name != null) {
      Customer.Builder recipient = request.getRecipientBuilder();
      if (email != null) {
        recipient.setEmail(email);
      }
      if (phone != null) {
        recipient.setPhone(phone);
      }
      if (name != null) {
        recipient.setName(name);
      }
    }
    TestConnectorResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.admin().testConnector(request.build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
    } else {
      output.field("ok", response.getOk());
      output.field("external id", response.getExternalId());
      output.field("error", response.getError());
      output.line("");
      output.line(response.getRendered());
    }
    return response.getOk() ? 0 : CallFailures.OTHER;
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a connector instance.")
  int enable(@Parameters(paramLabel = "CONNECTOR_ID") String connectorId) {
    return setEnabled(connectorId, true);
  }

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disable a connector instance; its deliveries wait until it is enabled.")
  int disable(@Parameters(paramLabel = "CONNECTOR_ID") String connectorId) {
    return setEnabled(connectorId, false);
  }

  private int setEnabled(String connectorId, boolean enabled) {
    ConnectorInstance instance;
    try (BackorderClient client = ctl.connect()) {
      instance = client.admin().setConnectorEnabled(SetConnectorEnabledRequest.newBuilder()
          .setConnectorId(connectorId).setEnabled(enabled).build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(instance);
    } else {
      output.line(instance.getId() + ": " + ProtoEnums.shortName(instance.getState()));
    }
    return 0;
  }

  private static Table plugins(List<PluginInfo> plugins) {
    Table table = new Table("PLUGIN", "VERSION", "STATE", "TYPES", "JAR", "ERROR");
    for (PluginInfo p : plugins) {
      table.row(p.getPluginId(), p.getVersion(), ProtoEnums.shortName(p.getState()),
          String.join(",", p.getConnectorTypesList()), p.getJar(), p.getLastError());
    }
    return table;
  }
}
