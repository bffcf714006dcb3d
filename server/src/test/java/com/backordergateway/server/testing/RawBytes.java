package com.backordergateway.server.testing;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A gRPC marshaller that sends and reads bytes as they are, as a broken client would send them. */
public final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {

  /** {@code method} with raw bytes for its request and response. */
  public static MethodDescriptor<byte[], byte[]> of(MethodDescriptor<?, ?> method) {
    return method.toBuilder(new RawBytes(), new RawBytes()).build();
  }

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
