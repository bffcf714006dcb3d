package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakePlatformTest {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final FakePlatform fake = FakePlatform.start();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void listensOnAnEphemeralLoopbackPort() {
    URI url = fake.url();
    assertThat(url.getScheme()).isEqualTo("http");
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(url.getPort()).isPositive();
    assertThat(fake.url("/v1/x")).hasToString(url + "/v1/x");
  }

  @Test
  void recordsMethodPathQueryHeadersAndExactBody() throws Exception {
    fake.enqueue(FakeResponse.status(204));
    byte[] body = "{\"name\":\"Maya Brush\",\"qty\":2}".getBytes(StandardCharsets.UTF_8);
    send(HttpRequest.newBuilder(fake.url("/v3/mail/send?key=a%20b&key=c&flag"))
        .header("Authorization", "Bearer sk-123")
        .header("X-Multi", "one").header("X-Multi", "two")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

    RecordedRequest request = fake.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/mail/send");
    assertThat(request.query()).isEqualTo("key=a%20b&key=c&flag");
    assertThat(request.queryParameters().get("key")).containsExactly("a b", "c");
    assertThat(request.queryParameter("flag")).contains("");
    assertThat(request.header("authorization")).contains("Bearer sk-123");
    assertThat(request.header("AUTHORIZATION")).contains("Bearer sk-123");
    assertThat(request.headerValues("x-multi")).containsExactly("one", "two");
    assertThat(request.header("X-Absent")).isEmpty();
    assertThat(request.body()).isEqualTo(body);
    assertThat(request.json().get("name").asText()).isEqualTo("Maya Brush");
    assertThat(request.json().get("qty").asInt()).isEqualTo(2);
  }

  @Test
  void readsFormBodies() throws Exception {
    fake.enqueue(FakeResponse.status(201));
    send(HttpRequest.newBuilder(fake.url("/Messages.json"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("To=%2B15551234567&Body=Back+soon%21&Body=again")).build());
    RecordedRequest request = fake.onlyRequest();
    assertThat(request.formValue("To")).contains("+15551234567");
    assertThat(request.form().get("Body")).containsExactly("Back soon!", "again");
    assertThat(request.formValue("From")).isEmpty();
  }

  @Test
  void bodyThatIsNotJsonFailsTheTestWithTheBody() throws Exception {
    fake.enqueue(FakeResponse.status(200));
    send(HttpRequest.newBuilder(fake.url("/")).POST(HttpRequest.BodyPublishers.ofString("not json {")).build());
    assertThatThrownBy(() -> fake.onlyRequest().json()).isInstanceOf(AssertionError.class).hasMessageContaining("not json {");
  }

  @Test
  void aResponderAnswersWhatTheScriptDoesNotAndCanKeepState() throws Exception {
    java.util.concurrent.atomic.AtomicInteger tickets = new java.util.concurrent.atomic.AtomicInteger(4520);
    fake.enqueue(FakeResponse.status(503)).answering(request -> request.method().equals("POST")
        ? FakeResponse.json(201, "{\"id\":" + tickets.incrementAndGet() + "}")
        : FakeResponse.status(405));
    HttpRequest create = HttpRequest.newBuilder(fake.url("/api/tickets")).POST(HttpRequest.BodyPublishers.noBody()).build();
    assertThat(send(create).statusCode()).as("the script first").isEqualTo(503);
    assertThat(send(create).body()).isEqualTo("{\"id\":4521}");
    assertThat(send(create).body()).isEqualTo("{\"id\":4522}");
    assertThat(send(HttpRequest.newBuilder(fake.url("/api/tickets")).GET().build()).statusCode()).isEqualTo(405);
    assertThat(fake.requestCount()).isEqualTo(4);
  }

  @Test
  void answersFromTheScriptInOrder() throws Exception {
    fake.enqueue(
        FakeResponse.json(201, "{\"id\":\"first\"}"),
        FakeResponse.status(429).header("Retry-After", "7").body("slow down"));

    HttpResponse<String> first = send(get("/a"));
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body()).isEqualTo("{\"id\":\"first\"}");
    assertThat(first.headers().firstValue("content-type")).contains("application/json");

    HttpResponse<String> second = send(get("/b"));
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).contains("7");
    assertThat(second.body()).isEqualTo("slow down");

    assertThat(fake.requests()).extracting(RecordedRequest::path).containsExactly("/a", "/b");
    assertThat(fake.lastRequest().path()).isEqualTo("/b");
    assertThat(fake.scriptedRemaining()).isZero();
  }

  @Test
  void unscriptedRequestGets500SayingSo() throws Exception {
    HttpResponse<String> response = send(get("/unexpected"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("no response scripted for GET /unexpected");
  }

  @Test
  void droppedConnectionClosesWithoutAResponseAfterRecordingTheRequest() {
    fake.enqueue(FakeResponse.dropConnection());
    assertThatThrownBy(() -> send(HttpRequest.newBuilder(fake.url("/drop"))
        .POST(HttpRequest.BodyPublishers.ofString("payload")).build()))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat(fake.onlyRequest().bodyText()).isEqualTo("payload");
  }

  @Test
  void delayedAnswerArrivesAfterTheDelay() throws Exception {
    fake.enqueue(FakeResponse.status(200).body("late").delayedBy(Duration.ofMillis(300)));
    long start = System.nanoTime();
    HttpResponse<String> response = send(get("/slow"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(response.body()).isEqualTo("late");
  }

  @Test
  void delayLongerThanTheClientsTimeoutTimesOutTheClient() {
    fake.enqueue(FakeResponse.status(200).delayedBy(Duration.ofSeconds(30)));
    HttpRequest request = HttpRequest.newBuilder(fake.url("/slow")).timeout(Duration.ofMillis(200)).GET().build();
    assertThatThrownBy(() -> send(request)).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void closeEndsDelayedAnswersAtOnce() throws InterruptedException {
    FakePlatform other = FakePlatform.start();
    other.enqueue(FakeResponse.status(200).delayedBy(Duration.ofMinutes(5)));
    client.sendAsync(HttpRequest.newBuilder(other.url("/held")).GET().build(), HttpResponse.BodyHandlers.ofString());
    for (int i = 0; i < 100 && other.requestCount() == 0; i++) {
      Thread.sleep(50);
    }
    assertThat(other.requestCount()).isEqualTo(1);
    long start = System.nanoTime();
    other.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void misuseIsRefused() {
    assertThatThrownBy(() -> FakeResponse.status(99)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeResponse.dropConnection().body("x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FakeResponse.status(200).delayedBy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.url("no-slash")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(fake::onlyRequest).isInstanceOf(AssertionError.class).hasMessageContaining("got 0");
    assertThatThrownBy(fake::lastRequest).isInstanceOf(AssertionError.class);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(fake.url(path)).GET().build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
