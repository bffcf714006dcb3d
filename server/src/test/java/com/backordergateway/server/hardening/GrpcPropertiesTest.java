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
 * Every RPC, over gRPC: answered or refused as the caller's fault, never a server fault, when
 * sent a valid request with fields set to hostile values (unicode and control characters, huge
 * text, extreme numbers, times out of range, unknown enum numbers), cleared, or filled with long
 * repeated lists; and when sent the bytes of a valid request with bits flipped, cut short, junk
 * inserted or a length that promises more than follows, or bytes at random, through a byte[]
 * marshaller as a broken client would.
 */
class GrpcPropertiesTest {

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("rpcs")
  void mutatedBytesAreAnsweredOrRefusedAsTheCallersFault(Rpc rpc) {
    ApiProbe.theory(rpc.method().getType() == MethodType.UNARY ? 60 : 10)
        .forAll(Mutations.mutatedBytes(rpc.request()))
        .checkAssert(request -> probe.assertAnsweredOrCleanlyRefused(rpc.method(), request));
  }
}
