package com.backordergateway.plugins.monday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monday.com connector against a fake GraphQL endpoint that checks each request as monday.com
 * reads it: {@code POST /v2} with the bare token as {@code Authorization}, the {@code API-Version}
 * header, JSON {@code {"query", "variables"}} with every value a variable and column values as JSON
 * <em>strings</em>; the three mutations of a first notice (create the item, set its status, post
 * the update that mentions the owners), follow-ups on the same item, a new item when that one was
 * deleted, and monday.com's errors inside HTTP 200: limits retried after the stated wait, the rest
 * permanent with monday.com's words.
 */
class MondayConnectorTest extends ConnectorContractTest {

  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.monday-test-token.4f9c2a7e1b3d";
  private static final String BOARD = "1234567890";
  private static final String ITEM = "9876543210";
  private static final String NEW_ITEM = "9876543299";

  private static final String CREATE_ITEM = "mutation CreateBackorderItem($boardId: ID!, $groupId: String, "
      + "$itemName: String!, $columnValues: JSON) { create_item(board_id: $boardId, group_id: $groupId, "
      + "item_name: $itemName, column_values: $columnValues) { id } }";
  private static final String SET_STATUS = "mutation SetBackorderStatus($boardId: ID!, $itemId: ID!, "
      + "$statusColumnId: String!, $status: JSON!) { status: change_column_value(board_id: $boardId, "
      + "item_id: $itemId, column_id: $statusColumnId, value: $status) { id } }";
  private static final String SET_STATUS_AND_ETA = "mutation SetBackorderStatusAndEta($boardId: ID!, $itemId: ID!, "
      + "$statusColumnId: String!, $status: JSON!, $etaColumnId: String!, $eta: JSON!) { "
      + "status: change_column_value(board_id: $boardId, item_id: $itemId, column_id: $statusColumnId, "
      + "value: $status) { id } eta: change_column_value(board_id: $boardId, item_id: $itemId, "
      + "column_id: $etaColumnId, value: $eta) { id } }";
  private static final String POST_UPDATE_MENTIONING = "mutation PostBackorderUpdate($itemId: ID!, $body: String!, "
      + "$mentionsList: [UpdateMention]) { create_update(item_id: $itemId, body: $body, "
      + "mentions_list: $mentionsList) { id } }";
  private static final String POST_UPDATE = "mutation PostBackorderUpdate($itemId: ID!, $body: String!) { "
      + "create_update(item_id: $itemId, body: $body) { id } }";
  private static final String MENTIONS = "[{\"id\":\"12345678\",\"type\":\"User\"},{\"id\":\"23456789\",\"type\":\"User\"}]";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new MondayConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "api-token", TOKEN,
        "board-id", BOARD,
        "group-id", "topics",
        "status-column-id", "status",
        "owner-user-ids", "12345678, 23456789",
        "sku-column-id", "text_sku",
        "order-column-id", "text_order",
        "eta-column-id", "date4",
        "time-zone", "America/Chicago");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-token", TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(created(ITEM), statusSet(ITEM), posted("5551112222"));
  }

  @Override
  protected String expectedExternalId() {
    return ITEM;
  }

  /** The last of the three requests: the update on the new item, mentioning both owners. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    JsonNode graphql = graphql(request);
    assertThat(graphql.get("query").asText()).isEqualTo(POST_UPDATE_MENTIONING);
    JsonNode variables = graphql.get("variables");
    assertThat(variables.fieldNames()).toIterable().containsExactly("itemId", "body", "mentionsList");
    assertThat(variables.get("itemId").asText()).isEqualTo(ITEM);
    assertThat(variables.get("body").asText()).isEqualTo(
        "<p><strong>Your order #1001: Titanium White Acrylic 120 ml is on backorder</strong></p>\n"
            + "<p>Hi Maya,</p>\n"
            + "<p>Thank you for your order #1001. Titanium White Acrylic 120 ml is on backorder right now and we "
            + "expect it back by April 14, 2026.</p>\n"
            + "<p>Maple &amp; Thread Crafts</p>");
    assertThat(variables.get("mentionsList")).hasToString(MENTIONS);
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "{\"errors\":[{\"message\":\"Rate Limit Exceeded\",\"extensions\":"
        + "{\"code\":\"RATE_LIMIT_EXCEEDED\",\"status_code\":429}}],\"account_id\":4242}").header("Retry-After", retryAfter));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503);
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"errors\":[{\"message\":\"No query string was present\",\"extensions\":{\"code\":\"BadRequest\","
          + "\"status_code\":400}}],\"account_id\":4242}";
      case 401 -> "{\"errors\":[{\"message\":\"Not Authenticated\",\"extensions\":{\"code\":\"Unauthorized\","
          + "\"status_code\":401}}]}";
      case 403 -> "{\"errors\":[{\"message\":\"User unauthorized to perform action\",\"locations\":[{\"line\":1,"
          + "\"column\":130}],\"path\":[\"create_item\"],\"extensions\":{\"code\":\"UserUnauthorizedException\","
          + "\"error_data\":{},\"status_code\":403}}],\"error_message\":\"User unauthorized to perform action\","
          + "\"error_code\":\"UserUnauthorizedException\",\"error_data\":{},\"status_code\":403,\"account_id\":4242}";
      case 404 -> "{\"errors\":[{\"message\":\"Board not found\",\"extensions\":{\"code\":\"ResourceNotFoundException\","
          + "\"status_code\":404,\"error_data\":{\"board_id\":1234567890}}}],\"account_id\":4242}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "monday.com answered HTTP 400: BadRequest: No query string was present";
      case 401 -> "monday.com answered HTTP 401: Unauthorized: Not Authenticated";
      case 403 -> "monday.com answered HTTP 403: UserUnauthorizedException: User unauthorized to perform action";
      case 404 -> "monday.com answered HTTP 404: ResourceNotFoundException: Board not found";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://api.monday.com",
        "api-token", "token with spaces",
        "board-id", "my-board",
        "group-id", "new group",
        "status-column-id", "Status column",
        "backordered-label", "Back\norder",
        "owner-user-ids", "12345678, maya",
        "eta-column-id", "date 4",
        "time-zone", "Mars/Olympus_Mons",
        "api-version", "2025-05");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheMondayTypeForBothAudiencesWithFollowUpsInPlace() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("monday");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(0.5, 3));
    assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(Capability.STAFF_AUDIENCE,
        Capability.CUSTOMER_AUDIENCE, Capability.UPDATE_IN_PLACE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("api-token", "board-id", "group-id",
        "status-column-id", "backordered-label", "delayed-label", "restocked-label", "cancelled-label",
        "owner-user-ids", "sku-column-id", "order-column-id", "eta-column-id", "time-zone", "api-version", "base-url");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("api-token", "board-id", "status-column-id");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("api-token");
    assertThat(descriptor.settings()).filteredOn(s -> s.defaultValue() != null)
        .extracting(SettingSpec::key, SettingSpec::defaultValue).containsExactly(
            tuple("backordered-label", "Backorder"),
            tuple("delayed-label", "Delayed"),
            tuple("restocked-label", "Restocked"),
            tuple("cancelled-label", "Cancelled"),
            tuple("time-zone", "UTC"),
            tuple("api-version", "2025-10"),
            tuple("base-url", "https://api.monday.com"));
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    MondaySettings demo = MondaySettings.from(settings(Map.of("api-token", "demo-not-a-real-token",
        "board-id", "1234567890", "status-column-id", "status", "owner-user-ids", "12345678",
        "eta-column-id", "date4", "time-zone", "America/New_York")));
    assertThat(demo.graphqlUrl()).isEqualTo(URI.create("https://api.monday.com/v2"));
    assertThat(demo.apiVersion()).isEqualTo("2025-10");
    assertThat(demo.ownerIds()).containsExactly("12345678");
    assertThat(demo.groupId()).isEmpty();
  }

  @Test
  void mentionsNeedAnApiVersionThatHasThem() {
    assertThatThrownBy(() -> openSession(with("api-version", "2025-04")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("api-version"))
        .hasMessageContaining("2025-07 or later").hasMessageContaining("owner-user-ids");
    Map<String, String> noOwners = new HashMap<>(with("api-version", "2025-04"));
    noOwners.remove("owner-user-ids");
    assertThat(openSession(noOwners)).isNotNull();
  }

  @Test
  void twoSettingsCannotNameTheSameColumn() {
    assertThatThrownBy(() -> openSession(with("eta-column-id", "status")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("eta-column-id"))
        .hasMessageContaining("status-column-id");
    assertThatThrownBy(() -> openSession(with("order-column-id", "text_sku")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("order-column-id"))
        .hasMessageContaining("sku-column-id");
  }

  @Test
  void settingsAndSessionPrintWithoutTheToken() {
    MondaySettings monday = MondaySettings.from(settings(validSettings(platform.url())));
    assertThat(monday.toString()).doesNotContain(TOKEN)
        .contains("api-token=****", "board=" + BOARD, "group=topics", "owners=[12345678, 23456789]", "eta-column=date4");
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1", BOARD).doesNotContain(TOKEN);
  }

  // ---- A first notice: the item, its status, the update -----------------------------------------

  @Test
  void aFirstNoticeCreatesTheItemSetsItsStatusAndPostsTheUpdateMentioningTheOwners() throws Exception {
    scriptSuccess(platform);
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt(ITEM, ITEM));
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).hasSize(3);

    JsonNode create = graphql(requests.get(0));
    assertThat(create.get("query").asText()).isEqualTo(CREATE_ITEM);
    assertThat(create.get("variables")).hasToString("{\"boardId\":\"1234567890\",\"groupId\":\"topics\","
        + "\"itemName\":\"#1001 – Titanium White Acrylic 120 ml – Maya Okafor\",\"columnValues\":"
        + "\"{\\\"text_sku\\\":\\\"ACR-TITANIUM-WHITE\\\",\\\"text_order\\\":\\\"#1001\\\","
        + "\\\"date4\\\":{\\\"date\\\":\\\"2026-04-14\\\"}}\"}");
    assertThat(create.at("/variables/columnValues").isTextual()).as("column_values is a JSON string").isTrue();

    JsonNode status = graphql(requests.get(1));
    assertThat(status.get("query").asText()).isEqualTo(SET_STATUS);
    assertThat(status.get("variables")).hasToString("{\"boardId\":\"1234567890\",\"itemId\":\"9876543210\","
        + "\"statusColumnId\":\"status\",\"status\":\"{\\\"label\\\":\\\"Backorder\\\"}\"}");
    assertThat(status.at("/variables/status").isTextual()).as("the status value is a JSON string, not an object").isTrue();
    assertThat(status.at("/variables/status").asText()).isEqualTo("{\"label\":\"Backorder\"}");

    assertDeliveryRequest(requests.get(2));
  }

  @Test
  void noValueIsSplicedIntoTheQueryText() throws Exception {
    scriptSuccess(platform);
    Notification tricky = SampleNotifications.withFact(sampleNotification(), "product", "Brush \"Kolinsky\" } #4 <b>");
    tricky = message(tricky, new Message("Brush \"Kolinsky\" } #4 <b> & co", "Hi Maya,\n\n<b>bold</b> & \"quotes\""));
    openSession().deliver(tricky);
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).extracting(r -> graphql(r).get("query").asText())
        .containsExactly(CREATE_ITEM, SET_STATUS, POST_UPDATE_MENTIONING);
    assertThat(graphql(requests.get(0)).at("/variables/itemName").asText())
        .isEqualTo("#1001 – Brush \"Kolinsky\" } #4 <b> – Maya Okafor");
    assertThat(graphql(requests.get(2)).at("/variables/body").asText()).isEqualTo(
        "<p><strong>Brush &quot;Kolinsky&quot; } #4 &lt;b&gt; &amp; co</strong></p>\n"
            + "<p>Hi Maya,</p>\n<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;</p>");
  }

  @Test
  void withoutOptionalSettingsOnlyTheNameTheStatusAndAPlainUpdateAreSent() throws Exception {
    scriptSuccess(platform);
    openSession(Map.of("base-url", platform.url().toString(), "api-token", TOKEN, "board-id", BOARD,
        "status-column-id", "status")).deliver(SampleNotifications.staffAlert());
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).allSatisfy(r -> assertThat(r.header("API-Version")).hasValue("2025-10"));
    assertThat(graphql(requests.get(0)).get("variables")).hasToString("{\"boardId\":\"1234567890\","
        + "\"itemName\":\"Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)\"}");
    JsonNode update = graphql(requests.get(2));
    assertThat(update.get("query").asText()).isEqualTo(POST_UPDATE);
    assertThat(update.get("variables").fieldNames()).toIterable().containsExactly("itemId", "body");
  }

  @Test
  void anOlderApiVersionIsSentAsConfigured() throws Exception {
    scriptSuccess(platform);
    Map<String, String> older = new HashMap<>(with("api-version", "2025-07"));
    openSession(older).deliver(sampleNotification());
    assertThat(platform.requests()).allSatisfy(r -> assertThat(r.header("API-Version")).hasValue("2025-07"));
  }

  @ParameterizedTest
  @CsvSource({"STOCK_DEPLETED, Backorder", "MARKED_UNAVAILABLE, Backorder", "PLATFORM_BACKORDER, Backorder",
      "SUPPLIER_DELAYED, Supplier late"})
  void aStaffAlertOpensTheCasesItemWithTheStateAsItsLabel(Trigger trigger, String label) throws Exception {
    scriptSuccess(platform);
    openSession(with("delayed-label", "Supplier late")).deliver(SampleNotifications.staff(trigger, Purpose.STAFF_ALERT));
    List<RecordedRequest> requests = platform.requests();
    assertThat(graphql(requests.get(0)).at("/variables/itemName").asText())
        .isEqualTo("Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)");
    assertThat(graphql(requests.get(1)).at("/variables/status").asText()).isEqualTo("{\"label\":\"" + label + "\"}");
    assertThat(graphql(requests.get(2)).at("/variables/mentionsList")).hasToString(MENTIONS);
  }

  @Test
  void theExpectedDayIsTheCustomersForCustomerItemsAndTheStoresForStaffItems() throws Exception {
    // 03:00 UTC on April 15 is still April 14 in Chicago, already April 15 in UTC.
    Notification customer = SampleNotifications.withFact(sampleNotification(), "eta", "2026-04-15T03:00:00Z");
    Notification staff = SampleNotifications.withFact(SampleNotifications.staffAlert(), "eta", "2026-04-15T03:00:00Z");
    scriptSuccess(platform);
    scriptSuccess(platform);
    ConnectorSession session = openSession(with("time-zone", "UTC"));
    session.deliver(customer);
    session.deliver(staff);
    assertThat(platform.requests().get(0).json().at("/variables/columnValues").asText()).contains("\"2026-04-14\"");
    assertThat(platform.requests().get(3).json().at("/variables/columnValues").asText()).contains("\"2026-04-15\"");
  }

  @Test
  void emptyFactsAreLeftOutOfTheNewItemsColumns() throws Exception {
    scriptSuccess(platform);
    Notification noDate = SampleNotifications.withFact(SampleNotifications.withFact(SampleNotifications.staffAlert(),
        "eta", ""), "order_name", "");
    openSession().deliver(noDate);
    assertThat(platform.requests().get(0).json().at("/variables/columnValues").asText())
        .isEqualTo("{\"text_sku\":\"ACR-TITANIUM-WHITE\"}");
  }

  @Test
  void aNameLongerThanMondayTakesOrAnEmptyUpdateIsRefusedBeforeCallingMonday() {
    Notification longName = SampleNotifications.withFact(SampleNotifications.staffAlert(), "product", "x".repeat(250));
    assertThatThrownBy(() -> openSession().deliver(longName)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("at most 255");
    Notification empty = message(sampleNotification(), new Message("Backorder", " \n"));
    assertThatThrownBy(() -> openSession().deliver(empty)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("is empty");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void acceptedWithoutAnItemIdIsPermanentNotRetried() {
    platform.enqueue(FakeResponse.json(200, "{\"data\":{\"create_item\":null},\"account_id\":4242}"));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown).hasMessageContaining("without the new item's id");
    assertThat(platform.requestCount()).isOne();
  }

  @Test
  void aRetryAfterTheItemWasCreatedCarriesOnWithThatItem() throws Exception {
    platform.enqueue(created(ITEM), complexity429(22));
    ConnectorSession session = openSession();
    assertThatThrownBy(() -> session.deliver(sampleNotification())).isInstanceOf(RetryableDeliveryException.class);
    platform.enqueue(statusSet(ITEM), posted("5551112222"));
    assertThat(session.deliver(sampleNotification())).isEqualTo(new DeliveryReceipt(ITEM, ITEM));
    assertThat(platform.requests()).extracting(r -> r.json().get("query").asText())
        .containsExactly(CREATE_ITEM, SET_STATUS, SET_STATUS, POST_UPDATE_MENTIONING);
    assertThat(context.logger().anyLineContains("carrying on with monday.com item " + ITEM)).isTrue();
  }

  // ---- Follow-ups on the same item --------------------------------------------------------------

  @Test
  void anEtaCorrectionMovesTheStatusAndTheDateAndPostsOnTheSameItem() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"data\":{\"status\":{\"id\":\"" + ITEM + "\"},\"eta\":{\"id\":\"" + ITEM
        + "\"}},\"account_id\":4242}"), posted("5551113333"));
    Notification correction = followUp(SampleNotifications.staff(Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION));
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt(ITEM, ITEM));
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).hasSize(2);
    JsonNode columns = graphql(requests.get(0));
    assertThat(columns.get("query").asText()).isEqualTo(SET_STATUS_AND_ETA);
    assertThat(columns.get("variables")).hasToString("{\"boardId\":\"1234567890\",\"itemId\":\"9876543210\","
        + "\"statusColumnId\":\"status\",\"status\":\"{\\\"label\\\":\\\"Delayed\\\"}\",\"etaColumnId\":\"date4\","
        + "\"eta\":\"{\\\"date\\\":\\\"2026-04-14\\\"}\"}");
    assertThat(columns.at("/variables/eta").isTextual()).as("the date value is a JSON string").isTrue();
    JsonNode update = graphql(requests.get(1));
    assertThat(update.at("/variables/itemId").asText()).isEqualTo(ITEM);
    assertThat(update.at("/variables/body").asText()).isEqualTo("<p><strong>New date for Titanium White Acrylic 120 ml"
        + "</strong></p>\n<p>Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is now expected on April 14, 2026.</p>");
    assertThat(update.at("/variables/mentionsList")).hasToString(MENTIONS);
  }

  @Test
  void anEtaCorrectionWithoutADateColumnOrDateOnlyMovesTheStatus() throws Exception {
    platform.enqueue(statusSet(ITEM), posted("5551113333"));
    Notification noDate = SampleNotifications.withFact(
        followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION)), "eta", "");
    openSession().deliver(noDate);
    assertThat(graphql(platform.requests().get(0)).get("query").asText()).isEqualTo(SET_STATUS);
  }

  @ParameterizedTest
  @CsvSource({"restocked, Back in stock", "cancelled, Discontinued"})
  void aResolutionSetsTheConfiguredLabelAndPostsTheResolution(String outcome, String label) throws Exception {
    platform.enqueue(statusSet(ITEM), posted("5551114444"));
    Notification resolution = SampleNotifications.withFact(
        followUp(SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION)), "status", outcome);
    Map<String, String> labels = new HashMap<>(with("restocked-label", "Back in stock"));
    labels.put("cancelled-label", "Discontinued");
    assertThat(openSession(labels).deliver(resolution)).isEqualTo(new DeliveryReceipt(ITEM, ITEM));
    List<RecordedRequest> requests = platform.requests();
    assertThat(graphql(requests.get(0)).get("query").asText()).as("a resolution leaves the date alone").isEqualTo(SET_STATUS);
    assertThat(graphql(requests.get(0)).at("/variables/status").asText()).isEqualTo("{\"label\":\"" + label + "\"}");
    assertThat(graphql(requests.get(1)).at("/variables/body").asText())
        .startsWith("<p><strong>Back in stock: Titanium White Acrylic 120 ml</strong></p>");
  }

  @Test
  void aResolutionWithoutAnOutcomeLeavesTheStatusAndOnlyPosts() throws Exception {
    platform.enqueue(posted("5551114444"));
    Notification closed = SampleNotifications.withFact(
        followUp(SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION)), "status", "");
    openSession().deliver(closed);
    assertThat(graphql(platform.onlyRequest()).get("query").asText()).isEqualTo(POST_UPDATE_MENTIONING);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"errors\":[{\"message\":\"Item not found\",\"extensions\":{\"code\":\"InvalidItemIdException\",\"error_data\":{\"item_id\":9876543210},\"status_code\":200}}],\"account_id\":4242}",
      "{\"error_code\":\"InvalidItemIdException\",\"status_code\":200,\"error_message\":\"The item ID doesn't exist\",\"error_data\":{\"item_id\":9876543210}}",
      "{\"errors\":[{\"message\":\"Item not found in board\",\"extensions\":{\"code\":\"ResourceNotFoundException\",\"status_code\":404}}],\"account_id\":4242}"})
  void aDeletedItemIsCreatedAgainAndTheReceiptSaysSo(String itemGone) throws Exception {
    platform.enqueue(FakeResponse.json(200, itemGone), created(NEW_ITEM), statusSet(NEW_ITEM), posted("5551115555"));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    DeliveryReceipt receipt = openSession().deliver(correction);
    assertThat(receipt).isEqualTo(new DeliveryReceipt(NEW_ITEM, NEW_ITEM,
        "item 9876543210 was not found on monday.com (deleted); created item 9876543299"));
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).extracting(r -> graphql(r).get("query").asText())
        .containsExactly(SET_STATUS_AND_ETA, CREATE_ITEM, SET_STATUS, POST_UPDATE_MENTIONING);
    assertThat(graphql(requests.get(1)).at("/variables/columnValues").asText()).contains("\"date4\":{\"date\":\"2026-04-14\"}");
    assertThat(graphql(requests.get(2)).at("/variables/status").asText()).isEqualTo("{\"label\":\"Delayed\"}");
    assertThat(graphql(requests.get(3)).at("/variables/itemId").asText()).isEqualTo(NEW_ITEM);
    assertThat(context.logger().anyLineContains("monday.com item 9876543210 was not found; created item 9876543299"))
        .isTrue();
  }

  @Test
  void anItemDeletedWhenOnlyAnUpdateIsDueIsCreatedAgainToo() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"errors\":[{\"message\":\"Item not found\",\"extensions\":{\"code\":"
        + "\"InvalidItemIdException\"}}]}"), created(NEW_ITEM), posted("5551115555"));
    Notification closed = SampleNotifications.withFact(
        followUp(SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION)), "status", "");
    assertThat(openSession().deliver(closed).note()).isEqualTo(
        "item 9876543210 was not found on monday.com (deleted); created item 9876543299");
    assertThat(platform.requests()).extracting(r -> graphql(r).get("query").asText())
        .containsExactly(POST_UPDATE_MENTIONING, CREATE_ITEM, POST_UPDATE_MENTIONING);
  }

  @Test
  void aFollowUpWithoutAUsableReferenceCreatesAnItem() throws Exception {
    scriptSuccess(platform);
    Notification correction = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "ticket-4521");
    assertThat(openSession().deliver(correction).note()).isEmpty();
    assertThat(graphql(platform.requests().get(0)).get("query").asText()).isEqualTo(CREATE_ITEM);
  }

  // ---- monday.com's errors ----------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // The complexity budget, as versions up to 2024-10 word it (HTTP 200) and as later ones send it (429).
      "200 | | {\"errors\":[{\"message\":\"Complexity budget exhausted, query cost 30001 budget remaining 29998 out of 1000000 reset in 15 seconds\",\"extensions\":{\"code\":\"ComplexityException\"}}],\"account_id\":4242} | PT15S",
      "429 | | {\"errors\":[{\"message\":\"Complexity budget exhausted\",\"extensions\":{\"code\":\"COMPLEXITY_BUDGET_EXHAUSTED\",\"retry_in_seconds\":22}}],\"extensions\":{\"request_id\":\"0eb719eb\"}} | PT22S",
      // The longer of retry_in_seconds and Retry-After.
      "429 | 30 | {\"errors\":[{\"message\":\"Rate Limit Exceeded\",\"extensions\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"retry_in_seconds\":12}}]} | PT30S",
      "429 | 5 | {\"errors\":[{\"message\":\"Minute rate limit exceeded\",\"extensions\":{\"code\":\"MINUTE_RATE_LIMIT_EXCEEDED\",\"retry_in_seconds\":58}}]} | PT58S",
      "429 | | {\"errors\":[{\"message\":\"Too many concurrent requests\",\"extensions\":{\"code\":\"MAX_CONCURRENCY_EXCEEDED\",\"retry_in_seconds\":15}}]} | PT15S",
      "200 | | {\"errors\":[{\"message\":\"Concurrency limit exceeded\",\"extensions\":{\"code\":\"maxConcurrencyExceeded\"}}],\"account_id\":4242} | ",
      "200 | | {\"error_message\":\"Concurrency limit exceeded for the field\",\"error_code\":\"FIELD_LIMIT_EXCEEDED\",\"error_data\":{\"retry_in_seconds\":15,\"entity\":\"boards\"},\"status_code\":429,\"account_id\":4242} | PT15S",
      "429 | | {\"errors\":[{\"message\":\"Daily limit exceeded\",\"extensions\":{\"code\":\"DAILY_LIMIT_EXCEEDED\",\"retry_in_seconds\":3599}}]} | PT59M59S",
      // Without a stated wait the daily limit lasts until midnight UTC: the clock stands at 09:30 UTC.
      "200 | | {\"errors\":[{\"message\":\"Daily limit exceeded\",\"extensions\":{\"code\":\"DAILY_LIMIT_EXCEEDED\"}}]} | PT14H30M",
      "423 | | {\"errors\":[{\"message\":\"Resource is currently locked, please try again later\",\"extensions\":{\"code\":\"RESOURCE_LOCKED\",\"status_code\":423}}]} | ",
      "500 | | {\"error_message\":\"Internal server error\",\"status_code\":500} | "})
  void limitsAndServerTroubleAreRetriedAfterTheWaitMondayStates(int status, String retryAfter, String body,
      Duration wait) {
    FakeResponse answer = FakeResponse.json(status, body);
    platform.enqueue(retryAfter == null ? answer : answer.header("Retry-After", retryAfter));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).isEqualTo(Optional.ofNullable(wait));
    assertThat(thrown).hasMessageStartingWith("monday.com answered HTTP " + status + ": ");
  }

  @Test
  void aLimitOnTheStatusStepIsRetriedWithoutASecondItem() {
    platform.enqueue(created(ITEM), complexity429(22));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(22));
    assertThat(thrown).hasMessageContaining("COMPLEXITY_BUDGET_EXHAUSTED: Complexity budget exhausted");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"errors\":[{\"message\":\"This column ID doesn't exist for the board\",\"extensions\":{\"code\":\"InvalidColumnIdException\",\"error_data\":{\"column_id\":\"status\"},\"status_code\":200}}],\"account_id\":4242} | InvalidColumnIdException: This column ID doesn't exist for the board",
      "{\"errors\":[{\"message\":\"The status label Backorder doesn't exist\",\"extensions\":{\"code\":\"ColumnValueException\",\"status_code\":200}}]} | ColumnValueException: The status label Backorder doesn't exist",
      "{\"error_code\":\"UserUnauthorizedException\",\"status_code\":200,\"error_message\":\"User unauthorized to perform action\",\"error_data\":{}} | UserUnauthorizedException: User unauthorized to perform action",
      "{\"errors\":[{\"message\":\"Field 'create_itm' doesn't exist on type 'Mutation'\",\"locations\":[{\"line\":1,\"column\":10}]}],\"account_id\":4242} | Field 'create_itm' doesn't exist on type 'Mutation'"})
  void otherErrorsArePermanentWithMondaysWordsAndNeverTheToken(String body, String text) {
    platform.enqueue(created(ITEM), FakeResponse.json(200, body));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown).hasMessage("monday.com answered HTTP 200: " + text);
    assertThat(thrown.getMessage()).doesNotContain(TOKEN);
    assertThat(platform.requests()).as("no update is posted after a refused status").hasSize(2);
  }

  @Test
  void theTokenIsSentBareAndAppearsInNoLogLineOrError() throws Exception {
    scriptSuccess(platform);
    platform.enqueue(FakeResponse.json(401, clientErrorBody(401)));
    ConnectorSession session = openSession();
    session.deliver(sampleNotification());
    PermanentDeliveryException refused = catchThrowableOfType(
        () -> session.deliver(SampleNotifications.staffAlert()), PermanentDeliveryException.class);
    assertThat(platform.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).hasValue(TOKEN));
    assertThat(refused.getMessage()).doesNotContain(TOKEN);
    assertThat(context.loggedLines()).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(TOKEN));
  }

  // ---- Helpers -----------------------------------------------------------------------------------

  /** The request as monday.com checks it: POST /v2, the bare token, the version, JSON; its GraphQL body. */
  private static JsonNode graphql(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v2");
    assertThat(request.query()).isEmpty();
    assertThat(request.header("Authorization")).hasValue(TOKEN);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.header("API-Version")).isPresent();
    JsonNode body = request.json();
    assertThat(body.fieldNames()).toIterable().containsExactly("query", "variables");
    return body;
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }

  private static Notification followUp(Notification notification) {
    return SampleNotifications.followingUp(notification, ITEM);
  }

  private static Notification message(Notification n, Message message) {
    return new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(), message, n.facts(),
        n.previousReference());
  }

  private static FakeResponse created(String item) {
    return FakeResponse.json(200, "{\"data\":{\"create_item\":{\"id\":\"" + item + "\"}},\"account_id\":4242}");
  }

  private static FakeResponse statusSet(String item) {
    return FakeResponse.json(200, "{\"data\":{\"status\":{\"id\":\"" + item + "\"}},\"account_id\":4242}");
  }

  private static FakeResponse posted(String update) {
    return FakeResponse.json(200, "{\"data\":{\"create_update\":{\"id\":\"" + update + "\"}},\"account_id\":4242}");
  }

  private static FakeResponse complexity429(int seconds) {
    return FakeResponse.json(429, "{\"errors\":[{\"message\":\"Complexity budget exhausted\",\"extensions\":{\"code\":"
        + "\"COMPLEXITY_BUDGET_EXHAUSTED\",\"retry_in_seconds\":" + seconds + "}}]}");
  }
}
