package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.server.hardening.ValidRequests.Route;
import com.backordergateway.server.testing.TestGateway;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every REST route the {@code google.api.http} annotations give, sent mutated JSON bodies (values
 * of the wrong kind, 1.5 and 2^63 for integers, deep nesting, unknown fields, bodies cut short or
 * not UTF-8), hostile path variables and query parameters (unknown enum names, page tokens that
 * are not, page sizes out of range), with and without a token that may call it: never a 5xx; an
 * error is a 4xx with a JSON status body, and leaves the store as it was.
 */
class RestRoutePropertiesTest {

  /** What a REST error may be: the caller's fault, a verb the route does not take, a body or URI over the limits. */
  private static final List<Integer> CLIENT_ERRORS = List.of(400, 401, 403, 404, 405, 409, 413, 414, 431);

  @TempDir static Path dir;
  static ApiProbe probe;
  static List<Route> routes;

  @BeforeAll
  static void start() {
    probe = new ApiProbe(TestGateway.start(dir));
    routes = ValidRequests.routes(ValidRequests.seed(probe.gateway));
  }

  @AfterAll
  static void stop() {
    probe.close();
    assertThat(resets.get()).as("calls reset before their answer was read, of %d", calls.get())
        .isLessThanOrEqualTo(calls.get() / 20);
  }

  static List<Route> routes() {
    assertThat(routes).as("one route per unary RPC").hasSize(16);
    return routes;
  }

  /** A call to one route: path and query already encoded, and a body for the routes that take one. */
  record Call(String pathAndQuery, byte[] body) {
    @Override
    public String toString() {
      return Mutations.abbreviate(pathAndQuery) + (body == null ? ""
          : " " + Mutations.abbreviate(new String(body, StandardCharsets.UTF_8)));
    }
  }

  private static final AtomicInteger calls = new AtomicInteger();
  private static final AtomicInteger resets = new AtomicInteger();

  /** Mostly the all-scopes token; sometimes a read-only one, none, or an Authorization header that is no token. */
  private static final Gen<Map<String, String>> HEADERS = Generate.frequency(
      Pair.of(8, Generate.constant(ApiProbe::bearer)),
      Pair.of(1, Generate.pick(List.of("Bearer " + TestGateway.READ_ONLY_TOKEN, "Bearer", "Basic dXNlcjpwYXNz",
          "Bearer " + TestGateway.ALL_SCOPES_TOKEN + "x", "")).map(RestRoutePropertiesTest::authorization)),
      Pair.of(1, Mutations.text(Generate.range(0x20, 0x7e), 80).map(RestRoutePropertiesTest::authorization)));

  private static Map<String, String> authorization(String value) {
    Map<String, String> headers = ApiProbe.bearer();
    if (value.isEmpty()) {
      headers.remove("Authorization");
    } else {
      headers.put("Authorization", value);
    }
    return headers;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aMutatedRestCallIsAnsweredOrRefusedWithAJsonClientError(Route route) {
    ApiProbe.theory(60).forAll(calls(route), HEADERS).checkAssert((call, headers) -> {
      ApiProbe.Fingerprint before = probe.fingerprint();
      HttpResponse<String> answer;
      try {
        answer = probe.withoutErrorsLogged(() -> probe.http(route.verb(), call.pathAndQuery(), call.body(), headers));
      } catch (UncheckedIOException reset) {
        // A refusal sent before the body was read (Jetty's own, of a request line it cannot parse)
        // closes the connection with the body unread, and TCP may then reset it before the client
        // reads the answer. The call was refused all the same; nothing may have changed.
        resets.incrementAndGet();
        assertThat(probe.fingerprint()).as("the store after a reset (%s)", reset.getMessage()).isEqualTo(before);
        return;
      } finally {
        calls.incrementAndGet();
      }
      if (answer.statusCode() != 200) {
        ApiProbe.assertClientError(answer, CLIENT_ERRORS);
        assertThat(probe.fingerprint()).as("the store after %d", answer.statusCode()).isEqualTo(before);
      }
    });
  }

  private static Gen<Call> calls(Route route) {
    Message base = route.rpc().request();
    // Kept within Jetty's 8 KiB request line: past it Jetty answers 414 and closes before a body is sent.
    Gen<String> pathValues = Mutations.nastyStrings().map(s -> s.length() > 600 ? s.substring(0, 600) : s);
    Gen<String> path = in -> {
      String p = route.template();
      for (String field : route.pathFields()) {
        String value = Generate.booleans().generate(in) ? pathValues.generate(in)
            : String.valueOf(base.getField(base.getDescriptorForType().findFieldByName(field)));
        p = p.replace("{" + field + "}", encode(value));
      }
      return p;
    };
    if (route.bodyIsRequest()) {
      return path.zip(Mutations.mutatedJson(base), Call::new);
    }
    return path.zip(query(base), (p, q) -> new Call(p + q, null));
  }

  /** The request's own filters as parameters, some replaced or joined by hostile ones. */
  private static Gen<String> query(Message base) {
    List<String> names = new ArrayList<>();
    for (FieldDescriptor field : base.getDescriptorForType().getFields()) {
      names.add(field.getName());
      names.add(field.getJsonName());
    }
    names.add("unknown_filter");
    Gen<String> values = Generate.oneOf(
        Generate.pick(List.of("TRIGGER_NOPE", "CASE_STATUS_NOPE", "DELIVERY_STATUS_NOPE", "-1", "0", "501",
            "2147483648", "9223372036854775808", "1.5", "abc", "", "true", "1e400", "2026-13-45T00:00:00Z",
            "Zm9vOmJhcg", "OTk5OmRlYWRiZWVmZGVhZGJlZWY", "LTU6eHl6", "////", "%")),
        Mutations.nastyStrings());
    return in -> {
      StringBuilder q = new StringBuilder();
      for (Map.Entry<FieldDescriptor, Object> field : base.getAllFields().entrySet()) {
        if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
          append(q, field.getKey().getName(), String.valueOf(field.getValue()));
        }
      }
      int extra = Generate.range(1, 3).generate(in);
      for (int i = 0; i < extra; i++) {
        append(q, names.get(Generate.range(0, names.size() - 1).generate(in)), values.generate(in));
      }
      return q.toString();
    };
  }

  private static void append(StringBuilder query, String name, String value) {
    query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
