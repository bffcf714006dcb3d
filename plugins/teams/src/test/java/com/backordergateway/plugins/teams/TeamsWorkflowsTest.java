package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Workflows URL ({@code prod-NN.<region>.logic.azure.com/workflows/…/triggers/manual/paths/
 * invoke?…&sig=…}): 202 Accepted on success, real 429s with Retry-After, JSON errors.
 */
class TeamsWorkflowsTest extends TeamsContractBase {

  static final String WORKFLOW_PATH = "/workflows/8d1f3c2a9b7e4f60a1c2d3e4f5a6b7c8/triggers/manual/paths/invoke"
      + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Kq3vX9pL2mN7rT5wY8zB1cD4fG6hJ0kMaQ";
  private static final String RUN_ID = "08584721153727455164432553331CU12";

  @Override
  protected String hookPathAndQuery() {
    return WORKFLOW_PATH;
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.status(202).header("x-ms-workflow-run-id", RUN_ID)
        .header("x-ms-correlation-id", "3f6d0e2a-9b1c-4d7e-8f2a-5c6b7d8e9f01"));
  }

  /** Workflows name the run they started; that id finds it in the flow's run history. */
  @Override
  protected String expectedExternalId() {
    return RUN_ID;
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "{\"error\":{\"code\":\"WorkflowRequestsThrottled\",\"message\":\"Number of "
        + "workflow requests has exceeded the limit for the flow.\"}}").header("Retry-After", retryAfter));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"error\":{\"code\":\"TriggerInputSchemaMismatch\",\"message\":\"The input body for trigger "
          + "'manual' of type 'Request' did not match its schema definition.\"}}";
      case 401 -> "{\"error\":{\"code\":\"DirectApiAuthorizationRequired\",\"message\":\"The request must be "
          + "authenticated only by Shared Access scheme.\"}}";
      case 404 -> "{\"error\":{\"code\":\"WorkflowNotFound\",\"message\":\"The workflow "
          + "'8d1f3c2a9b7e4f60a1c2d3e4f5a6b7c8' could not be found.\"}}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "TriggerInputSchemaMismatch";
      case 401 -> "DirectApiAuthorizationRequired";
      case 404 -> "WorkflowNotFound";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Test
  void describesTheTeamsType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("teams");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(2, 4));
    assertThat(descriptor.capabilities()).containsExactly(Capability.STAFF_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("webhook-url");
    assertThat(descriptor.setting("webhook-url")).hasValueSatisfying(spec -> {
      assertThat(spec.required()).isTrue();
      assertThat(spec.secret()).as("the URL is the credential").isTrue();
      assertThat(spec.format()).isEqualTo(SettingFormat.url());
    });
  }

  @Test
  void acceptedWithoutARunIdIsDeliveredUnderTheDeliveryId() throws Exception {
    platform.enqueue(FakeResponse.status(202));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt(TeamsSamples.DELIVERY_ID, ""));
  }

  @Test
  void aPowerPlatformUrlIsPostedToExactlyAsConfigured() throws Exception {
    String path = "/powerautomate/automations/direct/workflows/4c9a2e7b1d3f4a5e8b6c0d2e4f6a8b0c/triggers/manual/paths/"
        + "invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx8cV6bN4mQ2wE0rT9yU7iO5pA3sD1fG";
    scriptSuccess(platform);
    openSession(Map.of("webhook-url", platform.url() + path)).deliver(sampleNotification());
    assertThat(platform.onlyRequest().path() + "?" + platform.onlyRequest().query()).isEqualTo(path);
  }

  @Test
  void aThrottleWithoutRetryAfterLeavesTheWaitToTheHost() {
    platform.enqueue(FakeResponse.json(429, "{\"error\":{\"code\":\"WorkflowRequestsThrottled\"}}"));
    assertThat(deliverExpecting(RetryableDeliveryException.class).retryAfter()).isEmpty();
  }

  @Test
  void aFlowThatAnswers200WithSomethingElseIsNotTakenForDelivered() {
    platform.enqueue(FakeResponse.json(200, "{\"status\":\"rejected\",\"reason\":\"card not allowed here\"}"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("the post is not confirmed", "card not allowed here");
  }
}
