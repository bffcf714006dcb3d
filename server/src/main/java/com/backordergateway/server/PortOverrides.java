package com.backordergateway.server;

import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.config.GatewayConfig;
import java.util.List;
import java.util.function.Function;

/** Ports from flags, then the environment, then the config file: the usual precedence for containers. */
final class PortOverrides {

  private PortOverrides() {}

  static GatewayConfig apply(GatewayConfig c, Integer grpcFlag, Integer httpFlag, Function<String, String> env) {
    int grpc = pick(grpcFlag, env.apply("GATEWAY_GRPC_PORT"), c.server().grpcPort(), "GATEWAY_GRPC_PORT");
    int http = pick(httpFlag, env.apply("GATEWAY_HTTP_PORT"), c.server().httpPort(), "GATEWAY_HTTP_PORT");
    GatewayConfig.Server s = c.server();
    GatewayConfig.Server server = new GatewayConfig.Server(s.bindAddress(), grpc, http, s.tls(), s.maxRequestBytes());
    return c.withServer(server);
  }

  private static int pick(Integer flag, String env, int configured, String envName) {
    if (flag != null) {
      return checked(flag, "--" + envName.substring("GATEWAY_".length()).toLowerCase().replace('_', '-'));
    }
    if (env != null && !env.isBlank()) {
      try {
        return checked(Integer.parseInt(env.trim()), envName);
      } catch (NumberFormatException e) {
        throw new ConfigException(List.of(envName + ": must be a port number"));
      }
    }
    return configured;
  }

  private static int checked(int port, String where) {
    if (port < 0 || port > 65535) {
      throw new ConfigException(List.of(where + ": must be between 0 and 65535"));
    }
    return port;
  }
}
