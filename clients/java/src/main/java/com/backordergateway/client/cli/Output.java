package com.backordergateway.client.cli;

import com.backordergateway.api.v1.AdminServiceProto;
import com.backordergateway.api.v1.BackorderServiceProto;
import com.backordergateway.api.v1.RecordsProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;

/**
 * Where a command prints its result: tables and key/value lines for people, or, with {@code
 * --json}, the gateway's answer in the proto JSON mapping (the same shape the REST shim serves).
 */
final class Output {

  /** Events carry their request as an Any: every request message of the API may appear there. */
  static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(BackorderServiceProto.getDescriptor().getMessageTypes())
      .add(AdminServiceProto.getDescriptor().getMessageTypes())
      .add(RecordsProto.getDescriptor().getMessageTypes())
      .build();
  private static final JsonFormat.Printer PRETTY = JsonFormat.printer().usingTypeRegistry(TYPES);
  private static final JsonFormat.Printer COMPACT = PRETTY.omittingInsignificantWhitespace();

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** The message as indented JSON. */
  void json(MessageOrBuilder message) {
    out.println(print(PRETTY, message));
  }

  /** The message as JSON on one line, flushed at once (for streams). */
  void jsonLine(MessageOrBuilder message) {
    out.println(print(COMPACT, message));
    out.flush();
  }

  void line(String text) {
    out.println(text);
  }

  /** A label and its value, aligned with the other fields of a record. */
  void field(String label, Object value) {
    out.printf("%-16s %s%n", label + ":", value);
  }

  void table(Table table, String whenEmpty) {
    if (table.isEmpty()) {
      out.println(whenEmpty);
    } else {
      table.print(out);
    }
  }

  /** Says how to fetch the next page, when there is one. */
  void nextPage(String token) {
    if (!token.isEmpty()) {
      out.println("more: --page-token " + token);
    }
  }

  private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
