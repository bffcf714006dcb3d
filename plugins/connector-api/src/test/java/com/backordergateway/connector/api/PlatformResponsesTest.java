package com.backordergateway.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class PlatformResponsesTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  static final PlatformResponses SLACK = PlatformResponses.of("Slack")
      .readingErrors(body -> PlatformJson.get().text(body, "error"))
      .withQuirk(answer -> PlatformJson.get().read(answer.body())
          .filter(n -> n.path("ok").isBoolean() && !n.path("ok").asBoolean())
          .map(n -> n.path("error").asText().equals("ratelimited")
              ? PlatformResponses.Verdict.retryable("ratelimited", Duration.ofSeconds(30))
              : PlatformResponses.Verdict.permanent(n.path("error").asText())));

  @Test
  void theStandardRulesApplyWhereNoQuirkSpeaks() throws Exception {
    assertThat(SLACK.check(answer(200, "{\"ok\":true}", Map.of()), CLOCK).statusCode()).isEqualTo(200);
    Throwable limited = catchThrowable(() -> SLACK.check(answer(429, "", Map.of("Retry-After", "7")), CLOCK));
    assertThat(limited).isInstanceOfSatisfying(RetryableDeliveryException.class,
        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)));
    assertThat(catchThrowable(() -> SLACK.check(answer(503, "upstream", Map.of()), CLOCK)))
        .isInstanceOf(RetryableDeliveryException.class).hasMessage("Slack answered HTTP 503: upstream");
    assertThat(catchThrowable(() -> SLACK.check(answer(404, "{\"error\":\"no_service\"}", Map.of()), CLOCK)))
        .isInstanceOf(PermanentDeliveryException.class).hasMessage("Slack answered HTTP 404: no_service");
  }

  @Test
  void aQuirkDecidesBeforeTheStatus() {
    assertThat(catchThrowable(() -> SLACK.check(answer(200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of()), CLOCK)))
        .isInstanceOf(PermanentDeliveryException.class).hasMessage("Slack answered HTTP 200: channel_not_found");
    assertThat(catchThrowable(() -> SLACK.check(answer(200, "{\"ok\":false,\"error\":\"ratelimited\"}",
        Map.of("Retry-After", "3")), CLOCK)))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).as("the quirk's own wait wins").hasValue(Duration.ofSeconds(30)));
  }

  @Test
  void retryAfterTakesSecondsDecimalSecondsAndDates() {
    assertThat(PlatformResponses.parseRetryAfter("7", CLOCK.instant())).hasValue(Duration.ofSeconds(7));
    assertThat(PlatformResponses.parseRetryAfter("2.0", CLOCK.instant())).hasValue(Duration.ofSeconds(2));
    assertThat(PlatformResponses.parseRetryAfter("Fri, 01 May 2026 10:00:30 GMT", CLOCK.instant()))
        .hasValue(Duration.ofSeconds(30));
    assertThat(PlatformResponses.parseRetryAfter("soon", CLOCK.instant())).isEmpty();
  }

  @Test
  void theSpi10StaticCheckStillClassifies() {
    assertThat(catchThrowable(() -> PlatformResponses.check("Poster", answer(400, "bad", Map.of()), CLOCK)))
        .isInstanceOf(PermanentDeliveryException.class).hasMessage("Poster answered HTTP 400: bad");
  }

  static HttpResponse<String> answer(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> multi = new java.util.HashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return new HttpResponse<>() {
      public int statusCode() { return status; }
      public HttpRequest request() { return HttpRequest.newBuilder(URI.create("https://slack.com/api")).build(); }
      public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
      public HttpHeaders headers() { return HttpHeaders.of(multi, (a, b) -> true); }
      public String body() { return body; }
      public Optional<SSLSession> sslSession() { return Optional.empty(); }
      public URI uri() { return request().uri(); }
      public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    };
  }
}
