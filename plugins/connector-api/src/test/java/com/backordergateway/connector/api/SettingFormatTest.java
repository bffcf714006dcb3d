package com.backordergateway.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingFormatTest {

  @Test
  void eachFormatTakesWhatItDescribesAndRefusesTheRestWithoutQuotingIt() {
    assertThat(SettingFormat.url().problem("https://api.twilio.com/")).isEmpty();
    assertThat(SettingFormat.url().problem("ftp://api.twilio.com")).hasValue("must be an absolute http(s) URL without user:password@");
    assertThat(SettingFormat.url().problem("https://ops:hunter22@hooks.example.com")).isPresent()
        .hasValueSatisfying(p -> assertThat(p).doesNotContain("hunter22"));
    assertThat(SettingFormat.integer(1, 10).problem("10")).isEmpty();
    assertThat(SettingFormat.integer(1, 10).problem("11")).hasValue("must be a whole number from 1 to 10");
    assertThat(SettingFormat.integer(1, 10).problem("ten")).isPresent();
    assertThat(SettingFormat.bool().problem("true")).isEmpty();
    assertThat(SettingFormat.bool().problem("yes")).hasValue("must be true or false");
    assertThat(SettingFormat.duration(Duration.ofSeconds(1), Duration.ofMinutes(5)).problem("pt30s")).isEmpty();
    assertThat(SettingFormat.duration(Duration.ofSeconds(1), Duration.ofMinutes(5)).problem("PT10M")).isPresent();
    assertThat(SettingFormat.oneOf("webhook", "bot").problem("bot")).isEmpty();
    assertThat(SettingFormat.oneOf("webhook", "bot").problem("api")).hasValue("must be one of webhook, bot");
    assertThat(SettingFormat.pattern("AC[0-9a-f]{4}", "AC and 4 hex digits").problem("AC12ab")).isEmpty();
    assertThat(SettingFormat.pattern("AC[0-9a-f]{4}", "AC and 4 hex digits").problem("AC12")).hasValue("must be AC and 4 hex digits");
    assertThat(SettingFormat.email().problem("orders@example-crafts.com")).isEmpty();
    assertThat(SettingFormat.email().problem("orders at example")).isPresent();
    assertThat(SettingFormat.phone().problem("+14155550123")).isEmpty();
    assertThat(SettingFormat.phone().problem("4155550123")).isPresent();
    assertThat(SettingFormat.secret().problem("tok en")).hasValue("must not contain spaces or control characters");
    assertThat(SettingFormat.secret(16).problem("short-secret")).hasValue("must be at least 16 characters");
    assertThat(SettingFormat.list(SettingFormat.email()).problem("a@b.co, c@d.co")).isEmpty();
    assertThat(SettingFormat.list(SettingFormat.email()).problem("a@b.co, nope")).hasValue(
        "item 2 must be an email address such as orders@example.com");
  }

  @Test
  void mapEntriesAreOnePerLineOrSemicolonSeparatedOnOneLine() {
    assertThat(SettingFormat.entries("X-Team: paints; X-Env=prod")).containsExactly(
        Map.entry("X-Team", "paints"), Map.entry("X-Env", "prod"));
    assertThat(SettingFormat.entries("X-Flags: gzip; secure\nAuthorization: Bearer abc\n")).containsExactly(
        Map.entry("X-Flags", "gzip; secure"), Map.entry("Authorization", "Bearer abc"));
    assertThat(SettingFormat.map(true).problem("X-Team paints")).hasValue(
        "entry 1 is not 'name: value'; expected 'name: value' entries, one per line or separated by ';'");
    assertThat(SettingFormat.map(true).isSecret()).isTrue();
    assertThat(SettingFormat.items(" backorder, , paint ")).containsExactly("backorder", "paint");
  }

  @Test
  void theHostChecksEveryConfiguredValueBeforeTheConnectorSeesIt() {
    List<SettingSpec> specs = List.of(
        SettingSpec.required("account-sid", SettingFormat.pattern("AC[0-9a-f]{4}", "AC and 4 hex digits"), "sid")
            .withExample("AC0a1b"),
        SettingSpec.required("token", SettingFormat.secret(), "token"),
        SettingSpec.optional("rows", SettingFormat.integer(1, 10), "5", "rows"),
        SettingSpec.required("hook", SettingFormat.url(), "secret hook URL").masked());
    Map<String, String> good = Map.of("account-sid", "AC0a1b", "token", "t0k3n-value", "hook", "https://hooks.example.com/T1/B2");
    ConnectorSettings settings = ConnectorSettings.of(good, specs);
    assertThat(settings.getInt("rows")).isEqualTo(5);
    assertThat(settings.masked()).containsEntry("token", "****").containsEntry("hook", "****");

    assertThatThrownBy(() -> ConnectorSettings.of(Map.of("account-sid", "AC99", "token", "t", "hook", "https://h.example.com"), specs))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("account-sid");
          assertThat(e.getMessage()).isEqualTo("account-sid: must be AC and 4 hex digits (e.g. AC0a1b)");
        });
    assertThatThrownBy(() -> ConnectorSettings.of(Map.of("account-sid", "AC0a1b", "token", "t", "rows", "0",
        "hook", "https://h.example.com"), specs)).hasMessage("rows: must be a whole number from 1 to 10");
  }

  @Test
  void specsKeepTheirDeclarationsHonest() {
    assertThatThrownBy(() -> new SettingSpec("k", false, false, null, "d", SettingFormat.secret(), ""))
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> SettingSpec.optional("rows", SettingFormat.integer(1, 10), "50", "rows"))
        .hasMessageContaining("default of rows");
    SettingSpec legacy = SettingSpec.optionalSecret("headers", "Name: value lines");
    assertThat(legacy.secret()).isTrue();
    assertThat(legacy.format().problem("X-A: b c")).as("1.0 secrets are masked, not checked").isEmpty();
  }
}
