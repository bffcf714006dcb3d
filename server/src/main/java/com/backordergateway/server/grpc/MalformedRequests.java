package com.backordergateway.server.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests whose bytes are not the method's message (garbage, truncated, invalid UTF-8 in a
 * string) answer INVALID_ARGUMENT with one WARN line. Left to grpc-java, a parse failure escapes
 * from the transport's listener as UNKNOWN "Application error processing RPC" with a SEVERE stack
 * trace per call. Each method's request marshaller is wrapped so that a failure becomes a
 * {@link Malformed} value, which the call's listener answers instead of passing on.
 */
final class MalformedRequests {

  private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

  /** What an unreadable request becomes. */
  private record Malformed(String why) {}

  private MalformedRequests() {}

  /** The same service, its schema kept for reflection, with every method's parsing guarded. */
  static ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    service.getMethods().forEach(method -> methods.add(guarded(method)));
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(original.getSchemaDescriptor());
    methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
    ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(guarded::addMethod);
    return guarded.build();
  }

  private static <Q, R> ServerMethodDefinition<Object, R> guarded(ServerMethodDefinition<Q, R> definition) {
    MethodDescriptor<Q, R> method = definition.getMethodDescriptor();
    MethodDescriptor<Object, R> lenient =
        method.toBuilder(new LenientMarshaller<>(method.getRequestMarshaller()), method.getResponseMarshaller()).build();
    ServerCallHandler<Q, R> handler = definition.getServerCallHandler();
    return ServerMethodDefinition.create(lenient, (call, headers) -> new Listener<>(call, method, handler, headers));
  }

  /** Parses as the method does; a failure becomes a {@link Malformed} instead of an exception. */
  private record LenientMarshaller<Q>(MethodDescriptor.Marshaller<Q> strict)
      implements MethodDescriptor.Marshaller<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public InputStream stream(Object value) {
      return strict.stream((Q) value);
    }

    @Override
    public Object parse(InputStream stream) {
      try {
        return strict.parse(stream);
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new Malformed(String.valueOf(cause.getMessage()));
      }
    }
  }

  /** Hands the method's own handler a call of its own type; answers a malformed request itself. */
  private static final class Listener<Q, R> extends ForwardingServerCallListener<Object> {
    private final ServerCall.Listener<Q> delegate;
    private final TypedCall<Q, R> call;
    private final String method;
    private boolean rejected;

    Listener(ServerCall<Object, R> call, MethodDescriptor<Q, R> method, ServerCallHandler<Q, R> handler,
        Metadata headers) {
      this.call = new TypedCall<>(call, method);
      this.method = method.getFullMethodName();
      this.delegate = handler.startCall(this.call, headers);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ServerCall.Listener<Object> delegate() {
      return (ServerCall.Listener<Object>) delegate;
    }

    @Override
    public void onMessage(Object message) {
      if (rejected) {
        return;
      }
      if (message instanceof Malformed malformed) {
        rejected = true;
        log.warn("{}: the request is not a valid message ({})", method, malformed.why());
        if (!call.closed) {
          call.close(Status.INVALID_ARGUMENT.withDescription(
              "the request is not a valid " + method.substring(0, method.lastIndexOf('/')) + " message: "
                  + malformed.why()), new Metadata());
        }
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!rejected) {
        super.onHalfClose();
      }
    }
  }

  /** The transport's call seen with the method's own request type; remembers being closed. */
  private static final class TypedCall<Q, R> extends ForwardingServerCall<Q, R> {
    private final ServerCall<Object, R> call;
    private final MethodDescriptor<Q, R> method;
    private volatile boolean closed;

    TypedCall(ServerCall<Object, R> call, MethodDescriptor<Q, R> method) {
      this.call = call;
      this.method = method;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ServerCall<Q, R> delegate() {
      return (ServerCall<Q, R>) (ServerCall<?, R>) call;
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      closed = true;
      super.close(status, trailers);
    }
  }
}
