package com.backordergateway.server.plugins;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.PlatformHttp;
import java.time.Clock;
import org.slf4j.Logger;

/** The host services one connector instance sees. */
record HostConnectorContext(String instanceId, PlatformHttp http, Clock clock, Logger logger)
    implements ConnectorContext {}
