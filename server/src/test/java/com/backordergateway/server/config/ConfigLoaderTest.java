package com.backordergateway.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;
  final Secrets secrets = new Secrets();

  GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
    return new ConfigLoader(env::get, secrets).load(Files.writeString(dir.resolve("c.yaml"), yaml));
  }

  ConfigException problems(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> load(yaml, Map.of()));
  }

  static final String TOKENS = """
      auth:
        tokens:
          - name: ops
            token: 0123456789abcdef-ops
            scopes: [intake, read, admin]
      """;

  @Test
  void defaultsFillEverythingLeftOut() throws Exception {
    GatewayConfig config = load(TOKENS, Map.of());
    assertThat(config.server().grpcPort()).isEqualTo(9090);
    assertThat(config.server().httpPort()).isEqualTo(8080);
    assertThat(config.storage().url()).isEqualTo("jdbc:sqlite:data/backorder.db");
    assertThat(config.triggers().supplierDelayThreshold()).isEqualTo(Duration.ofHours(48));
    assertThat(config.auth().tokens().get(0).scopes()).containsExactlyInAnyOrder(Scope.INTAKE, Scope.READ, Scope.ADMIN);
  }

  @Test
  void resolvesEnvAndFileReferencesAndRegistersThemAsSecrets() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token.txt"), "file-token-0123456789\n");
    GatewayConfig config = load("""
        auth:
          tokens:
            - name: ops
              token: ${file:%s}
              scopes: [admin]
        connectors:
          - id: sms
            type: twilio
            settings:
              auth-token: ${env:TWILIO_TOKEN}
              from: "+15005550006"
        """.formatted(tokenFile), Map.of("TWILIO_TOKEN", "tw-secret-value"));

    assertThat(config.auth().tokens().get(0).token()).isEqualTo("file-token-0123456789");
    assertThat(config.connectors().get(0).settings()).containsEntry("auth-token", "tw-secret-value");
    assertThat(secrets.redact("calling with tw-secret-value and file-token-0123456789"))
        .isEqualTo("calling with **** and ****");
    assertThat(secrets.redact("from +15005550006")).as("plain settings stay readable").isEqualTo("from +15005550006");
    assertThat(config.connectors().get(0).toString()).doesNotContain("tw-secret-value");
  }

  @Test
  void aPostgresStoreTakesItsPasswordFromTheEnvironmentAndKeepsItOutOfSight() throws Exception {
    GatewayConfig config = load(TOKENS + """
        storage:
          url: jdbc:postgresql://db.internal:5432/backorder
          username: backorder
          password: ${env:PG_PASSWORD}
          pool-size: 20
          retention: 30d
        """, Map.of("PG_PASSWORD", "pg-secret-value-123"));

    assertThat(config.storage().password()).isEqualTo("pg-secret-value-123");
    assertThat(config.storage().poolSize()).isEqualTo(20);
    assertThat(config.storage().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.storage().toString()).doesNotContain("pg-secret-value-123");
    assertThat(secrets.redact("auth failed for pg-secret-value-123")).isEqualTo("auth failed for ****");
  }

  @Test
  void storageMistakesNameTheirKeys() {
    assertThat(problems(TOKENS + "storage: {url: \"jdbc:mysql://db/shop\"}").problems())
        .containsExactly("storage.url: must be a jdbc:sqlite: file or a jdbc:postgresql:// URL");
    assertThat(problems(TOKENS + "storage: {url: \"jdbc:postgresql://db/shop?user=a&password=hunter22\"}").problems())
        .containsExactly("storage.url: put the password in storage.password (from ${env:…} or ${file:…}), not in the URL");
    assertThat(problems(TOKENS + "storage: {pool-size: 1, retention: 0s}").problems())
        .containsExactlyInAnyOrder("storage.retention: must be a positive duration",
            "storage.pool-size: must be between 2 and 200 (the writer keeps one connection)");
  }

  @Test
  void aMissingEnvironmentVariableNamesTheKeyPath() {
    ConfigException e = problems(TOKENS + """
        connectors:
          - id: sms
            type: twilio
            settings:
              auth-token: ${env:NOT_SET_ANYWHERE}
        """);
    assertThat(e.problems()).containsExactly("connectors[0].settings.auth-token: environment variable NOT_SET_ANYWHERE is not set");
  }

  @Test
  void unknownKeysAndBadValuesNameTheirPathWithoutEchoingValues() {
    assertThat(problems(TOKENS + "server:\n  grpc-prot: 9\n").problems()).containsExactly("server.grpc-prot: unknown key");
    assertThat(problems(TOKENS + "triggers:\n  supplier-delay-threshold: soon-ish\n").problems())
        .containsExactly("triggers.supplier-delay-threshold: must be a duration such as 48h, 30m, 90s, 500ms or 2d,"
            + " or ISO-8601 such as PT48H");
    assertThat(problems(TOKENS + "connectors:\n  - id: x\n    type: y\n    mode: sometimes\n").problems().get(0))
        .startsWith("connectors[0].mode: must be one of");
  }

  @Test
  void validationCollectsEveryProblemWithItsPath() {
    ConfigException e = problems("""
        server:
          grpc-port: 70000
        auth:
          tokens:
            - name: short
              token: abc
        connectors:
          - id: email
            type: sendgrid
          - id: email
            type: ""
        routes:
          - name: customers
            send: [email, pager]
        """);
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "server.grpc-port: must be between 0 and 65535",
        "auth.tokens[0].token: must be at least 16 characters",
        "auth.tokens[0].scopes: at least one of intake, read, admin",
        "connectors[1].id: duplicate id email",
        "connectors[1].type: required",
        "routes[0].send[1]: unknown connector id pager");
    assertThat(e.getMessage()).doesNotContain("abc");
  }

  @Test
  void noTokensIsAnError() {
    assertThat(problems("server: {}\n").problems()).containsExactly("auth.tokens: at least one token is required");
  }

  @Test
  void theDemoConfigLoads() {
    GatewayConfig demo = new ConfigLoader(name -> null, secrets).load(Path.of("../config/demo.yaml"));
    assertThat(demo.connectors()).isNotEmpty().allMatch(c -> c.mode() == ConnectorMode.DRY_RUN);
    assertThat(demo.routes()).isNotEmpty();
  }

  @Test
  void theSameTokenTwiceAndASkuPatternNoSkuCouldMatchAreErrors() {
    assertThat(problems("""
        auth:
          tokens:
            - {name: ops, token: 0123456789abcdef-ops, scopes: [admin]}
            - {name: shop, token: 0123456789abcdef-ops, scopes: [intake]}
        connectors:
          - {id: chat, type: slack}
        routes:
          - {name: paint, when: {sku: "["}, send: [chat]}
          - {name: paper, when: {sku: "PAPER-*"}, send: [chat]}
        """).problems()).containsExactly(
            "auth.tokens[1].token: the same token as auth.tokens[0]; give each its own",
            "routes[0].when.sku: a SKU pattern: letters, digits, . _ / - and the wildcards * and ?");
  }
}
