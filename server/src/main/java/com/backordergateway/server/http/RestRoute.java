package com.backordergateway.server.http;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One REST route, read from a unary RPC's {@code google.api.http} annotation: the HTTP verb,
 * the path template with its {@code {field}} variables, and which part of the request the body
 * fills ({@code *}, one field, or nothing).
 */
record RestRoute(String verb, Pattern path, List<String> pathFields, String body,
    MethodDescriptor<Message, Message> method, Message prototype) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_][a-z0-9_.]*)}");

  /** Routes for every annotated unary method of the services. */
  static List<RestRoute> of(List<ServiceDescriptor> services) {
    List<RestRoute> routes = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        if (method.getType() != MethodDescriptor.MethodType.UNARY
            || !(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
          continue;
        }
        Descriptors.MethodDescriptor proto = supplier.getMethodDescriptor();
        HttpRule rule = proto.getOptions().getExtension(AnnotationsProto.http);
        of(rule, cast(method)).ifPresent(routes::add);
      }
    }
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static MethodDescriptor<Message, Message> cast(MethodDescriptor<?, ?> method) {
    return (MethodDescriptor<Message, Message>) method;
  }

  private static Optional<RestRoute> of(HttpRule rule, MethodDescriptor<Message, Message> method) {
    String verb;
    String template;
    switch (rule.getPatternCase()) {
      case GET -> { verb = "GET"; template = rule.getGet(); }
      case POST -> { verb = "POST"; template = rule.getPost(); }
      case PUT -> { verb = "PUT"; template = rule.getPut(); }
      case PATCH -> { verb = "PATCH"; template = rule.getPatch(); }
      case DELETE -> { verb = "DELETE"; template = rule.getDelete(); }
      default -> { return Optional.empty(); }
    }
    List<String> fields = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+?)");
      fields.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("$");
    Message prototype = ((io.grpc.MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
        .getMessagePrototype() instanceof Message message ? message : null;
    return Optional.of(new RestRoute(verb, Pattern.compile(regex.toString()), List.copyOf(fields), rule.getBody(),
        method, prototype));
  }
}
