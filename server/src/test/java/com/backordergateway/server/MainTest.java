package com.backordergateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The real process: a bad config exits non-zero and names the key path. */
class MainTest {

  @TempDir Path dir;

  @Test
  void aBadConfigExitsNonZeroNamingTheKeyPath() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        auth:
          tokens:
            - name: ops
              token: 0123456789abcdef-ops
              scopes: [admin]
        connectors:
          - id: sms
            type: twilio
            awaiting-plugin: true
            settings:
              auth-token: ${env:BACKORDER_TEST_UNSET_VARIABLE}
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "--config", config.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(Main.BAD_CONFIG);
    assertThat(output).contains("connectors[0].settings.auth-token: environment variable BACKORDER_TEST_UNSET_VARIABLE is not set");
    assertThat(Files.exists(dir.resolve("data"))).as("nothing was created").isFalse();
  }

  @Test
  void portFlagsBeatTheEnvironmentWhichBeatsTheFile() {
    var base = new com.backordergateway.server.config.ConfigLoader(n -> null, new com.backordergateway.server.config.Secrets())
        .load(Path.of("../config/demo.yaml"));
    var fromEnv = PortOverrides.apply(base, null, null, name -> name.equals("GATEWAY_GRPC_PORT") ? "7001" : null);
    var fromFlag = PortOverrides.apply(base, 7002, 7003, name -> "7001");
    assertThat(fromEnv.server().grpcPort()).isEqualTo(7001);
    assertThat(fromEnv.server().httpPort()).isEqualTo(8080);
    assertThat(fromFlag.server().grpcPort()).isEqualTo(7002);
    assertThat(fromFlag.server().httpPort()).isEqualTo(7003);
  }

  @Test
  void missingConfigFlagIsAUsageError() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = new picocli.CommandLine(new Main()).execute();
      assertThat(exit).isNotZero();
      assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--config");
    } finally {
      System.setErr(original);
    }
  }

  /** A data folder that cannot be made, or a store path that is not a database: one line and exit 3. */
  @ParameterizedTest
  @ValueSource(strings = {"not-a-folder/sub/backorder.db", "a-folder"})
  void aStorePathThatCannotBeUsedIsOneLineAndAnExitCode(String store) throws Exception {
    Files.writeString(dir.resolve("not-a-folder"), "a file where the data folder should be");
    Files.createDirectories(dir.resolve("a-folder"));
    Files.createDirectories(dir.resolve("plugins"));
    Path config = Files.writeString(dir.resolve("store.yaml"), """
        server: {grpc-port: 0, http-port: 0}
        storage: {url: "jdbc:sqlite:%s"}
        plugins: {dir: "%s"}
        auth:
          tokens: [{name: ops, token: 0123456789abcdef-ops, scopes: [admin]}]
        """.formatted(dir.resolve(store), dir.resolve("plugins")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "--config", config.toString())
        .directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.PIPE)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(Main.CANNOT_START);
    assertThat(errors.strip().lines()).as(errors).singleElement().asString().startsWith("storage.url: cannot ")
        .contains(dir.toString());
  }

}
