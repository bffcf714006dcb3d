package com.backordergateway.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** The status code a call that must fail ends with. */
public final class StatusCodes {

  private StatusCodes() {}

  public static Status.Code code(Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("call should fail").isNotNull();
    return e.getStatus().getCode();
  }
}
