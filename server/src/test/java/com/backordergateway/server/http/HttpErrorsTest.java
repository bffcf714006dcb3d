package com.backordergateway.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status.Code;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

  @Test
  void everyGrpcCodeHasItsCanonicalHttpStatus() {
    Map<Code, Integer> expected = Map.ofEntries(
        Map.entry(Code.OK, 200), Map.entry(Code.CANCELLED, 499), Map.entry(Code.UNKNOWN, 500),
        Map.entry(Code.INVALID_ARGUMENT, 400), Map.entry(Code.DEADLINE_EXCEEDED, 504), Map.entry(Code.NOT_FOUND, 404),
        Map.entry(Code.ALREADY_EXISTS, 409), Map.entry(Code.PERMISSION_DENIED, 403), Map.entry(Code.RESOURCE_EXHAUSTED, 429),
        Map.entry(Code.FAILED_PRECONDITION, 400), Map.entry(Code.ABORTED, 409), Map.entry(Code.OUT_OF_RANGE, 400),
        Map.entry(Code.UNIMPLEMENTED, 501), Map.entry(Code.INTERNAL, 500), Map.entry(Code.UNAVAILABLE, 503),
        Map.entry(Code.DATA_LOSS, 500), Map.entry(Code.UNAUTHENTICATED, 401));
    assertThat(expected).hasSize(Code.values().length);
    expected.forEach((code, http) -> assertThat(HttpErrors.httpStatus(code)).as(code.name()).isEqualTo(http));
  }
}
