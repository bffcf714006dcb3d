package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs {@link ConnectorContractTest} against connectors with known flaws and checks that the
 * contract fails exactly where it should: a contract that passes everything proves nothing.
 */
class ContractCatchesFlawsTest {

  @Test
  void aSoundConnectorPassesEveryCheck() {
    Events tests = run(ReferenceConnectorContractTest.class);
    assertThat(tests.failed().count()).as(failures(tests)).isZero();
    assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(16);
  }

  @Test
  void aSecretInTheLogFailsTheContract() {
    Events tests = run(LogsSecret.class);
    assertThat(failedNames(tests)).contains("successGivesAReceiptWithThePlatformsId()");
    assertThat(messages(tests)).anyMatch(m -> m.contains("logged line must not contain the value of secret setting api-key"));
  }

  @Test
  void retryingClientErrorsFailsTheContract() {
    Events tests = run(ClientErrorsRetryable.class);
    assertThat(failedNames(tests)).containsExactly("clientErrorsArePermanentWithThePlatformsText()");
  }

  @Test
  void ignoringRetryAfterFailsTheContract() {
    Events tests = run(IgnoresRetryAfter.class);
    assertThat(failedNames(tests)).containsExactlyInAnyOrder(
        "rateLimitIsRetryableAfterTheAnnouncedSeconds()", "rateLimitIsRetryableUntilTheAnnouncedDate()");
  }

  @Test
  void openingWithoutCheckingRequiredSettingsFailsTheContract() {
    Events tests = run(OpensWithoutChecking.class);
    assertThat(failedNames(tests)).containsExactly("missingRequiredSettingIsRefusedNamingTheKey()");
  }

  private static Events run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
  }

  /** Names of the failed test methods; dynamic tests count under their factory's name. */
  private static List<String> failedNames(Events tests) {
    return tests.failed().stream().map(ContractCatchesFlawsTest::methodName).distinct().toList();
  }

  private static String methodName(Event event) {
    return event.getTestDescriptor().getUniqueId().getSegments().stream()
        .filter(s -> s.getType().equals("method") || s.getType().equals("test-factory"))
        .map(s -> s.getValue().replaceAll("\\(.*\\)", "()"))
        .findFirst().orElse(event.getTestDescriptor().getDisplayName());
  }

  private static List<String> messages(Events tests) {
    return tests.failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().map(Throwable::getMessage).orElse(""))
        .toList();
  }

  private static String failures(Events tests) {
    return String.valueOf(tests.failed().stream().map(e -> Map.entry(methodName(e),
        e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
            .map(Throwable::getMessage).orElse(""))).toList());
  }

  static class LogsSecret extends ReferenceConnectorContractTest {
    @Override
    ReferenceConnector.Flaw flaw() {
      return ReferenceConnector.Flaw.LOGS_SECRET;
    }
  }

  static class ClientErrorsRetryable extends ReferenceConnectorContractTest {
    @Override
    ReferenceConnector.Flaw flaw() {
      return ReferenceConnector.Flaw.CLIENT_ERRORS_RETRYABLE;
    }
  }

  static class IgnoresRetryAfter extends ReferenceConnectorContractTest {
    @Override
    ReferenceConnector.Flaw flaw() {
      return ReferenceConnector.Flaw.IGNORES_RETRY_AFTER;
    }
  }

  static class OpensWithoutChecking extends ReferenceConnectorContractTest {
    @Override
    ReferenceConnector.Flaw flaw() {
      return ReferenceConnector.Flaw.OPENS_WITHOUT_CHECKING;
    }
  }
}
