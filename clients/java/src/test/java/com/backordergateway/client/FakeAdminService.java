package com.backordergateway.client;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListConnectorsResponse;
import io.grpc.stub.StreamObserver;

/** Answers ListConnectors with an empty list. */
final class FakeAdminService extends AdminServiceGrpc.AdminServiceImplBase {

  @Override
  public void listConnectors(
      ListConnectorsRequest request, StreamObserver<ListConnectorsResponse> responses) {
    responses.onNext(ListConnectorsResponse.getDefaultInstance());
    responses.onCompleted();
  }
}
