package com.backordergateway.connector.api;

import org.pf4j.ExtensionPoint;

/**
 * A platform connector: the extension point every connector plugin implements once.
 *
 * <p>Lifecycle, as the host drives it:
 *
 * <ol>
 *   <li>The host creates the extension through its no-argument constructor when the plugin
 *       starts. The constructor must not do I/O.
 *   <li>{@link #descriptor()} is read once: the connector type, its settings (required, secret,
 *       default, {@link SettingFormat}), default rate limit and capabilities. Secret settings are
 *       masked everywhere.
 *   <li>For each configured instance of the type, the host checks the configured settings
 *       against the specs (required, unknown and malformed keys are configuration errors naming
 *       {@code connectors[i].settings.<key>}) and checks that the routes send the instance only
 *       the audiences its capabilities declare.
 *   <li>Then {@link #open} is called with the settings (defaults applied, formats checked) and a
 *       host-owned {@link ConnectorContext}. It reads typed values, checks what spans several
 *       settings, and throws {@link InvalidSettingsException} naming the bad key.
 *   <li>The host calls {@link ConnectorSession#deliver} from several threads at once, up to the
 *       instance's concurrency limit, so sessions must be thread-safe.
 *   <li>Before the plugin is stopped, replaced or removed, the host waits for deliveries in
 *       flight, then calls {@link ConnectorSession#close()} on every session.
 * </ol>
 *
 * <p>Connectors never start threads or build HTTP stacks: the context gives them both.
 */
public interface Connector extends ExtensionPoint {

  /** What this connector is; called once, must not change. */
  ConnectorDescriptor descriptor();

  /**
   * Opens one configured instance.
   *
   * @throws InvalidSettingsException if a setting is missing or malformed
   */
  ConnectorSession open(ConnectorSettings settings, ConnectorContext context);
}
