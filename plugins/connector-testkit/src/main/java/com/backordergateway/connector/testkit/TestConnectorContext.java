package com.backordergateway.connector.testkit;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.PlatformHttp;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ConnectorContext} for connector tests: real HTTP through {@link JavaNetPlatformHttp}
 * with short timeouts (a test against a silent fake fails in a second, not a minute), a {@link
 * TestClock} standing at {@link #DEFAULT_NOW}, a {@link CapturingLogger} whose lines tests
 * search for leaked secrets, and the User-Agent set on every request as the host sets it
 * ({@link #DEFAULT_USER_AGENT} unless a test names the plugin).
 */
public final class TestConnectorContext implements ConnectorContext {

  /** Where the clock stands unless a test says otherwise. */
  public static final Instant DEFAULT_NOW = Instant.parse("2026-03-02T09:30:00Z");

  /** What the host would send as User-Agent for a plugin {@code test-plugin} 0.0.0. */
  public static final String DEFAULT_USER_AGENT = "BackorderGateway/test test-plugin/0.0.0";

  private final String instanceId;
  private final PlatformHttp http;
  private final TestClock clock;
  private final CapturingLogger logger;
  private final Duration requestTimeout;

  private TestConnectorContext(Builder builder) {
    this.instanceId = builder.instanceId;
    this.http = new JavaNetPlatformHttp(builder.connectTimeout, builder.requestTimeout, builder.version,
        builder.userAgent);
    this.clock = new TestClock(builder.now);
    this.logger = new CapturingLogger("connector." + builder.instanceId);
    this.requestTimeout = builder.requestTimeout;
  }

  /** A context with the defaults: instance {@code test-instance}, 1 s connect, 2 s request. */
  public static TestConnectorContext create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public PlatformHttp http() {
    return http;
  }

  @Override
  public TestClock clock() {
    return clock;
  }

  @Override
  public CapturingLogger logger() {
    return logger;
  }

  /** Every line the connector logged. */
  public List<String> loggedLines() {
    return logger.lines();
  }

  /** The longest a request may take before it fails as retryable. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Options for a {@link TestConnectorContext}. */
  public static final class Builder {
    private String instanceId = "test-instance";
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration requestTimeout = Duration.ofSeconds(2);
    private HttpClient.Version version = HttpClient.Version.HTTP_1_1;
    private Instant now = DEFAULT_NOW;
    private String userAgent = DEFAULT_USER_AGENT;

    private Builder() {}

    /** The User-Agent every request carries, as the host builds it from the gateway and plugin versions. */
    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "value is null");
      return this;
    }

    public Builder instanceId(String id) {
      this.instanceId = Objects.requireNonNull(id, "id is null");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "request timeout");
      return this;
    }

    /** HTTP/1.1 by default, which is what the fake platform speaks. */
    public Builder httpVersion(HttpClient.Version httpVersion) {
      this.version = Objects.requireNonNull(httpVersion, "httpVersion is null");
      return this;
    }

    /** Where the clock starts. */
    public Builder now(Instant instant) {
      this.now = Objects.requireNonNull(instant, "instant is null");
      return this;
    }

    public TestConnectorContext build() {
      return new TestConnectorContext(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what + " is null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
