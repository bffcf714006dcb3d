package com.backordergateway.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.config.Scope;
import com.backordergateway.server.grpc.ApiTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions end when idle or old, and a live stream's checks do not keep one alive. */
class DashboardSessionsTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T15:00:00Z"));
  private final DashboardSessions sessions = new DashboardSessions(clock);
  private final ApiTokens.Holder reader = new ApiTokens.Holder("reader", Set.of(Scope.READ));

  @Test
  void aLiveStreamsLookDoesNotCountAsARequest() {
    DashboardSessions.Session session = sessions.open(reader, "token");
    for (int minute = 0; minute < 59; minute++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(sessions.stillOpen(session)).isTrue();
    }
    clock.advance(Duration.ofMinutes(2));
    assertThat(sessions.stillOpen(session)).as("an hour after the last request").isFalse();
    assertThat(sessions.find(session.id)).isEmpty();
  }

  @Test
  void aRequestKeepsItOpenUntilTwelveHoursAfterSignIn() {
    DashboardSessions.Session session = sessions.open(reader, "token");
    for (int hour = 0; hour < 11; hour++) {
      clock.advance(Duration.ofMinutes(59));
      assertThat(sessions.find(session.id)).as("after %d h", hour + 1).contains(session);
    }
    clock.advance(DashboardSessions.LONGEST);
    assertThat(sessions.find(session.id)).isEmpty();
    assertThat(sessions.stillOpen(session)).isFalse();
  }

  @Test
  void closingEndsItAndEverySessionHasItsOwnIdAndCsrfToken() {
    DashboardSessions.Session one = sessions.open(reader, "token");
    DashboardSessions.Session two = sessions.open(reader, "token");
    assertThat(one.id).isNotEqualTo(two.id).hasSize(43);
    assertThat(one.csrf).isNotEqualTo(two.csrf).isNotEqualTo(one.id);
    assertThat(one.csrfMatches(one.csrf)).isTrue();
    assertThat(one.csrfMatches(two.csrf)).isFalse();
    assertThat(one.csrfMatches(null)).isFalse();
    sessions.close(one);
    assertThat(sessions.find(one.id)).isEmpty();
    assertThat(sessions.find(two.id)).contains(two);
  }
}
