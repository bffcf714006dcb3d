package com.backordergateway.server.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of what a broken or hostile client sends: nasty strings, extreme numbers, times that
 * are no times, unknown enum numbers, and mutations of a valid request — as a message (field by
 * field, from its descriptor), as protobuf bytes, and as JSON. Every choice is drawn from the
 * randomness source, so a failing example shrinks; the first choice of each list is the mildest.
 */
final class Mutations {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DEPTH = 3;

  private Mutations() {}

  // ---- values ------------------------------------------------------------------------------------

  /** Text a field should refuse or store as it is: control characters, lone surrogates, bidi marks, huge. */
  static Gen<String> nastyStrings() {
    return Generate.oneOf(
        Generate.pick(List.of("", " ", "PAPER-A4", "null", "0", "-1", "%00", "%zz", "../../etc/passwd", "a/b?c#d",
            "'; DROP TABLE events;--", "\u0000", "\t\r\n", "\u202Eevil", "\uFEFF", "\uD800", "\uDFFF\uD800", "🙂🙂",
            "ＰＡＩＮＴ", "case_", "evt_", "<script>", "${jndi:x}", "{{name}}", "\\", "\"")),
        text(Generate.range(0x20, 0x7e), 40),
        text(Generate.range(0, 0x10FFFF), 40),
        text(Generate.pick(List.of(0, 1, 0x1b, 0x7f, 0x85, 0x2028, 0xFFFD, 0xFFFF)), 40),
        Generate.range(1, 20_000).zip(Generate.range(0x21, 0x10FFFF), (n, c) -> Character.toString(c).repeat(n)));
  }

  /** Up to {@code maxLength} code points drawn from {@code codePoints}. */
  static Gen<String> text(Gen<Integer> codePoints, int maxLength) {
    return in -> {
      int length = Generate.range(0, maxLength).generate(in);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.appendCodePoint(codePoints.generate(in));
      }
      return s.toString();
    };
  }

  static Gen<Integer> extremeInts() {
    return Generate.oneOf(Generate.pick(List.of(0, 1, -1, 500, 501, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1)), Generate.range(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  static Gen<Long> extremeLongs() {
    return Generate.oneOf(Generate.pick(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1)),
        Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** Times around and far beyond the range a Timestamp may hold (years 1 to 9999), nanos out of range. */
  static Gen<Timestamp> timestamps() {
    Gen<Long> seconds = Generate.oneOf(Generate.pick(List.of(1_900_000_000L, 0L, -1L, -62_135_596_800L,
        -62_135_596_801L, 253_402_300_799L, 253_402_300_800L, Long.MAX_VALUE, Long.MIN_VALUE)), extremeLongs());
    Gen<Integer> nanos = Generate.oneOf(Generate.pick(List.of(0, 999_999_999, 1_000_000_000, -1)), extremeInts());
    return seconds.zip(nanos, (s, n) -> Timestamp.newBuilder().setSeconds(s).setNanos(n).build());
  }

  /** Enum numbers: known ones, unknown ones, and the extremes. */
  static Gen<Integer> enumNumbers() {
    return Generate.oneOf(Generate.range(-2, 12), extremeInts());
  }

  static Gen<byte[]> randomBytes(int maxLength) {
    return Generate.byteArrays(Generate.range(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  // ---- messages ----------------------------------------------------------------------------------

  /** {@code base} with one to four fields set to hostile values, cleared, or filled with repeated junk. */
  static <T extends Message> Gen<T> mutated(T base) {
    Gen<T> gen = in -> {
      Message.Builder b = base.toBuilder();
      int changes = Generate.range(1, 4).generate(in);
      for (int i = 0; i < changes; i++) {
        mutate(b, in, 0);
      }
      @SuppressWarnings("unchecked")
      T built = (T) b.build();
      return built;
    };
    return gen.describedAs(Mutations::describe);
  }

  private static void mutate(Message.Builder b, RandomnessSource in, int depth) {
    List<FieldDescriptor> fields = b.getDescriptorForType().getFields();
    if (fields.isEmpty()) {
      return; // nothing to change: the raw-bytes properties cover such requests
    }
    FieldDescriptor field = fields.get(Generate.range(0, fields.size() - 1).generate(in));
    switch (Generate.range(0, 2).generate(in)) {
      case 0 -> b.clearField(field);
      case 1 -> {
        if (field.isRepeated()) {
          // Mostly a few; sometimes past the 500 items a list may hold (a full list is valid, and slow to store).
          int count = Generate.frequency(Pair.of(9, Generate.range(1, 5)), Pair.of(1, Generate.pick(List.of(501, 2_000))))
              .generate(in);
          Object one = value(field, b, in, depth);
          for (int i = 0; i < count; i++) {
            b.addRepeatedField(field, i % 7 == 0 ? value(field, b, in, depth) : one);
          }
        } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !isTimestamp(field) && depth < MAX_DEPTH) {
          mutate(b.getFieldBuilder(field), in, depth + 1);
        } else {
          b.setField(field, value(field, b, in, depth));
        }
      }
      default -> {
        if (field.isRepeated()) {
          b.addRepeatedField(field, value(field, b, in, depth));
        } else {
          b.setField(field, value(field, b, in, depth));
        }
      }
    }
  }

  private static Object value(FieldDescriptor field, Message.Builder b, RandomnessSource in, int depth) {
    return switch (field.getJavaType()) {
      case STRING -> nastyStrings().generate(in);
      case INT -> extremeInts().generate(in);
      case LONG -> extremeLongs().generate(in);
      case BOOLEAN -> Generate.booleans().generate(in);
      case DOUBLE -> Generate.pick(List.of(0.0, -0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE,
          -Double.MAX_VALUE, Double.MIN_VALUE)).generate(in);
      case FLOAT -> Generate.pick(List.of(0f, 1.5f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MAX_VALUE)).generate(in);
      case BYTE_STRING -> ByteString.copyFrom(randomBytes(200).generate(in));
      case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(enumNumbers().generate(in));
      case MESSAGE -> {
        if (isTimestamp(field)) {
          yield timestamps().generate(in);
        }
        Message.Builder sub = b.newBuilderForField(field);
        int changes = depth < MAX_DEPTH ? Generate.range(0, 3).generate(in) : 0;
        for (int i = 0; i < changes; i++) {
          mutate(sub, in, depth + 1);
        }
        yield sub.build();
      }
    };
  }

  private static boolean isTimestamp(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && field.getMessageType().getFullName().equals(Timestamp.getDescriptor().getFullName());
  }

  /** Short enough to read in a failure report. */
  static String describe(Message message) {
    return abbreviate(TextFormat.printer().emittingSingleLine(true).printToString(message));
  }

  static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " chars)";
  }

  // ---- protobuf bytes ----------------------------------------------------------------------------

  /** The encoding of {@code base} with bytes flipped, cut, inserted or lengths inflated; or bytes at random. */
  static Gen<byte[]> mutatedBytes(Message base) {
    byte[] valid = base.toByteArray();
    Gen<byte[]> gen = in -> {
      if (Generate.range(0, 4).generate(in) == 4) {
        return randomBytes(64).generate(in);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(valid);
      int changes = Generate.range(1, 4).generate(in);
      for (int i = 0; i < changes; i++) {
        byte[] b = out.toByteArray();
        int at = b.length == 0 ? 0 : Generate.range(0, b.length - 1).generate(in);
        out.reset();
        switch (Generate.range(0, 3).generate(in)) {
          case 0 -> { // flip one bit
            if (b.length > 0) {
              b[at] ^= (byte) (1 << Generate.range(0, 7).generate(in));
            }
            out.writeBytes(b);
          }
          case 1 -> out.write(b, 0, at); // cut short
          case 2 -> { // insert junk
            out.write(b, 0, at);
            out.writeBytes(randomBytes(12).generate(in));
            out.write(b, at, b.length - at);
          }
          default -> { // a field whose length says more than follows: tag, then a five-byte varint
            out.write(b, 0, at);
            out.writeBytes(new byte[] {(byte) (Generate.range(1, 15).generate(in) << 3 | 2),
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07});
            out.write(b, at, b.length - at);
          }
        }
      }
      return out.toByteArray();
    };
    return gen.describedAs(b -> abbreviate(ByteString.copyFrom(b).toString()));
  }

  // ---- JSON --------------------------------------------------------------------------------------

  /** JSON values of every wrong kind: strings for numbers, fractions, 2^31, 2^63, deep nesting, bad times. */
  static Gen<String> jsonJunk() {
    return jsonJunk(3_000);
  }

  /** As {@link #jsonJunk()}, at most {@code maxDepth} deep: three of them in an edited tree stay within Jackson's 1000. */
  private static Gen<String> jsonJunk(int maxDepth) {
    return Generate.oneOf(
        Generate.pick(List.of("\"abc\"", "1.5", "2147483648", "-2147483649", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "1e400", "-0", "0.0", "true", "null", "[]", "{}",
            "[1,[2,[3]]]", "{\"a\":{\"b\":[1,{\"c\":null}]}}", "\"\\u0000\"", "\"\\ud800\"", "\"2026-13-45T00:00:00Z\"",
            "\"9999-12-31T23:59:60Z\"", "\"10000-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"0000-01-01T00:00:00Z\"", "\"2026-03-02T15:00:00.1234567891Z\"", "\"NaN\"", "\"Infinity\"", "99", "\"99\"",
            "\"TRIGGER_NOPE\"", "\"CASE_STATUS_NOPE\"", "\"Zm9v\"", "\"%%\"")),
        Generate.range(1, maxDepth).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
        Generate.range(1, Math.min(maxDepth, 300)).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
        nastyStrings().map(Mutations::jsonString));
  }

  private static String jsonString(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON body built from {@code base}: a value replaced with junk, a field dropped or added, or not JSON at all. */
  static Gen<byte[]> mutatedJson(Message base) {
    return mutatedJson(json(base));
  }

  /** {@code valid} JSON with a value replaced with junk, a field dropped or added; or cut short, not UTF-8, or junk. */
  static Gen<byte[]> mutatedJson(String valid) {
    Gen<byte[]> gen = in -> {
      switch (Generate.range(0, 5).generate(in)) {
        case 0 -> { // not JSON, or cut short
          return Generate.oneOf(
              Generate.pick(List.of("{not json", "[", "\"", "{\"a\":}", "{,}", "{\"a\":1,}", "{'a':1}", "\u0000",
                  "{\"sku\":\"a\"}{\"sku\":\"b\"}")),
              Generate.range(0, valid.length()).map(n -> valid.substring(0, n))).generate(in)
              .getBytes(StandardCharsets.UTF_8);
        }
        case 1 -> { // bytes that are not UTF-8, inside a string value
          byte[] bad = randomBytes(8).generate(in);
          String[] halves = valid.split("\"", 3);
          if (halves.length < 3) {
            return bad;
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes((halves[0] + "\"").getBytes(StandardCharsets.UTF_8));
          out.writeBytes(new byte[] {(byte) 0xc3, 0x28, (byte) 0xff});
          out.writeBytes(bad);
          out.writeBytes((halves[1] + "\"" + halves[2]).getBytes(StandardCharsets.UTF_8));
          return out.toByteArray();
        }
        case 2 -> { // the whole body of the wrong kind
          return jsonJunk().generate(in).getBytes(StandardCharsets.UTF_8);
        }
        default -> {
          JsonNode tree = tree(valid);
          int changes = Generate.range(1, 3).generate(in);
          for (int i = 0; i < changes; i++) {
            mutateTree(tree, in);
          }
          return tree.toString().getBytes(StandardCharsets.UTF_8);
        }
      }
    };
    return gen.describedAs(b -> abbreviate(new String(b, StandardCharsets.UTF_8)));
  }

  private static void mutateTree(JsonNode tree, RandomnessSource in) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(tree, containers);
    JsonNode at = containers.get(Generate.range(0, containers.size() - 1).generate(in));
    JsonNode junk = tree(jsonJunk(300).generate(in));
    if (at instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int pick = Generate.range(0, names.size()).generate(in);
      if (pick == names.size()) {
        object.set(nastyStrings().generate(in), junk); // an unknown field
      } else if (Generate.booleans().generate(in)) {
        object.set(names.get(pick), junk);
      } else {
        object.remove(names.get(pick));
      }
    } else if (at instanceof ArrayNode array) {
      int pick = Generate.range(0, array.size()).generate(in);
      if (pick == array.size()) {
        array.add(junk);
      } else {
        array.set(pick, junk);
      }
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectContainers(it.next(), into);
      }
    }
  }

  /** A request as proto3 JSON with the proto field names, as the REST shim reads it. */
  static String json(Message message) {
    try {
      return JsonFormat.printer().preservingProtoFieldNames().print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
