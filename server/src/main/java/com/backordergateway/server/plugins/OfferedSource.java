package com.backordergateway.server.plugins;

import com.backordergateway.connector.api.WebhookSource;

/** A webhook source a loaded plugin offers, with the plugin's id and version. */
public record OfferedSource(String pluginId, String version, WebhookSource source) {}
