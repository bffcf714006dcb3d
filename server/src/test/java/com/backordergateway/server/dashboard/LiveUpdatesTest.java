package com.backordergateway.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /dashboard/live}: Server-Sent Events from the change feed, each with its cursor as id, so
 * a browser that lost its connection resumes with Last-Event-ID and misses nothing, sees nothing
 * twice; a page's own cursor starts the stream where the page was rendered.
 */
class LiveUpdatesTest extends GatewayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message as EventSource reads it. */
  record Message(String event, String id, JsonNode data) {}

  private DashboardClient browser;

  @BeforeEach
  void signIn() throws Exception {
    browser = new DashboardClient(gateway.httpPort());
    browser.signIn(TestGateway.READ_ONLY_TOKEN);
  }

  @Test
  void aStreamStartsAtThePagesCursorAndResumesAfterItsLastEventId() throws Exception {
    String pageCursor = cursorOf(browser.get("/dashboard").body());
    gateway.backorder().reportInventoryLevel(Requests.sale("PAINT-RED", 0, "1001"));

    List<Message> first = new ArrayList<>();
    String lastId;
    try (Stream<String> lines = open("?after=" + pageCursor, null)) {
      BlockingQueue<Message> messages = messages(lines);
      // The sale committed between render and connect: its event and three planned deliveries arrive.
      first.add(next(messages));
      assertThat(first.get(0).event()).isEqualTo("event");
      assertThat(first.get(0).data().get("skus").get(0).asText()).isEqualTo("PAINT-RED");
      assertThat(first.get(0).data().get("trigger").asText()).isEqualTo("stock depleted");
      for (int i = 0; i < 3; i++) {
        first.add(next(messages));
      }
      assertThat(first.subList(1, 4)).extracting(Message::event).containsOnly("delivery");
      assertThat(first.subList(1, 4)).extracting(m -> m.data().get("status").asText()).containsOnly("pending");
      lastId = first.get(3).id();
    }

    // While the browser is away: another sale. On reconnecting it gets exactly what it missed.
    gateway.backorder().reportInventoryLevel(Requests.sale("PAINT-BLUE", 0, "1002"));
    try (Stream<String> lines = open("?after=" + pageCursor, lastId)) {
      BlockingQueue<Message> messages = messages(lines);
      Message resumed = next(messages);
      assertThat(resumed.event()).isEqualTo("event");
      assertThat(resumed.data().get("skus").get(0).asText()).as("Last-Event-ID wins over the page's cursor")
          .isEqualTo("PAINT-BLUE");
      List<String> ids = new ArrayList<>(List.of(resumed.id()));
      for (int i = 0; i < 3; i++) {
        ids.add(next(messages).id());
      }
      assertThat(ids).doesNotContainAnyElementsOf(first.stream().map(Message::id).toList());
      assertThat(messages.poll(300, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
    }
  }

  @Test
  void aCursorThatIsNotOneIsRefusedOnTheStream() throws Exception {
    try (Stream<String> lines = open("?after=not-a-cursor", null)) {
      assertThat(next(messages(lines)).event()).isEqualTo("refused");
    }
  }

  @Test
  void withoutASessionTheStreamIsRefused() throws Exception {
    HttpResponse<String> answer = new DashboardClient(gateway.httpPort()).http().send(
        HttpRequest.newBuilder(URI.create(browser.base() + "/dashboard/live")).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(401);
  }

  private Stream<String> open(String query, String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + "/dashboard/live" + query))
        .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response = browser.http().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    return response.body();
  }

  /** Parses the stream on a thread of its own, as EventSource does. */
  private static BlockingQueue<Message> messages(Stream<String> lines) {
    BlockingQueue<Message> out = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      String[] fields = new String[3];
      try {
        lines.forEach(line -> {
          if (line.isEmpty()) {
            if (fields[0] != null) {
              out.add(new Message(fields[0], fields[1], parse(fields[2])));
            }
            fields[0] = fields[1] = fields[2] = null;
          } else if (line.startsWith("event:")) {
            fields[0] = line.substring(6).strip();
          } else if (line.startsWith("id:")) {
            fields[1] = line.substring(3).strip();
          } else if (line.startsWith("data:")) {
            fields[2] = line.substring(5).strip();
          }
        });
      } catch (RuntimeException e) {
        // the test closed the stream
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return out;
  }

  private static JsonNode parse(String data) {
    try {
      return data.startsWith("{") ? JSON.readTree(data) : JSON.getNodeFactory().textNode(data);
    } catch (java.io.IOException e) {
      throw new AssertionError(data, e);
    }
  }

  private static Message next(BlockingQueue<Message> messages) throws InterruptedException {
    Message message = messages.poll(10, TimeUnit.SECONDS);
    assertThat(message).as("a message within 10 s").isNotNull();
    return message;
  }

  private static String cursorOf(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-cursor=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
