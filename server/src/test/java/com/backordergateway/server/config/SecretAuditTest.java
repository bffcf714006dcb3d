package com.backordergateway.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit itself: redacted secrets pass, encoded ones that slip past redaction are caught. */
class SecretAuditTest {

  private static final Logger log = LoggerFactory.getLogger(SecretAuditTest.class);

  @Test
  void encodedSecretsAreCaughtAndRedactedOnesPass() {
    String secret = "audit/secret+value=0042";
    Secrets.global().register(secret);
    SecretAudit.drainLeaks();

    log.warn("a redacted secret: {}", secret);
    assertThat(SecretAudit.drainLeaks()).isEmpty();

    log.info("url-encoded: https://api.example.com/?key={}", URLEncoder.encode(secret, StandardCharsets.UTF_8));
    log.info("basic auth: Authorization: Basic {}",
        Base64.getEncoder().encodeToString(("ACxxxx:" + secret).getBytes(StandardCharsets.UTF_8)));
    assertThat(SecretAudit.drainLeaks())
        .hasSize(2)
        .allSatisfy(leak -> assertThat(leak).doesNotContain(secret)
            .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8)));
    assertThat(SecretAudit.linesAudited()).isPositive();
  }
}
