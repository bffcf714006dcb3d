package com.backordergateway.server.hardening;

import com.backordergateway.server.hardening.ValidRequests.Rpc;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.MethodDescriptor.MethodType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RPC, sent a valid request with fields set to hostile values (unicode and control
 * characters, huge text, extreme numbers, times out of range, unknown enum numbers), cleared, or
 * filled with long repeated lists: answered or refused as the caller's fault, never a server fault.
 */
class GrpcRequestPropertiesTest {

  @TempDir static Path dir;
  static ApiProbe probe;
  static List<Rpc> rpcs;

  @BeforeAll
  static void start() {
    probe = new ApiProbe(TestGateway.start(dir));
    rpcs = ValidRequests.seed(probe.gateway);
  }

  @AfterAll
  static void stop() {
    probe.close();
  }

  static List<Rpc> rpcs() {
    return rpcs;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rpcs")
  void aMutatedRequestIsAnsweredOrRefusedAsTheCallersFault(Rpc rpc) {
    ApiProbe.theory(rpc.method().getType() == MethodType.UNARY ? 80 : 15)
        .forAll(Mutations.mutated(rpc.request()))
        .checkAssert(request -> probe.assertAnsweredOrCleanlyRefused(rpc.method(), request.toByteArray()));
  }
}
