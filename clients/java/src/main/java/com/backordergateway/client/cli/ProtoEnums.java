package com.backordergateway.client.cli;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/**
 * Proto enum values by their short names: {@code SALE} or {@code sale} for {@code
 * INVENTORY_CAUSE_SALE}; the full name works too. {@code *_UNSPECIFIED} is never accepted.
 */
final class ProtoEnums {

  private ProtoEnums() {}

  static <E extends Enum<E> & ProtocolMessageEnum> E parse(Class<E> type, String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    String prefix = prefix(type);
    for (E value : values(type)) {
      if (value.name().equals(wanted) || value.name().equals(prefix + wanted)) {
        return value;
      }
    }
    throw new TypeConversionException("'" + text + "' is not one of " + names(type));
  }

  /** The short names, lower case, e.g. {@code sale, adjustment, receipt, count}. */
  static <E extends Enum<E> & ProtocolMessageEnum> String names(Class<E> type) {
    return values(type).stream().map(v -> shortName(v)).collect(Collectors.joining(", "));
  }

  /** {@code INVENTORY_CAUSE_SALE} as {@code SALE}; unspecified values as an empty string. */
  static <E extends Enum<E> & ProtocolMessageEnum> String shortName(E value) {
    if (value.name().equals("UNRECOGNIZED") || value.getNumber() == 0) {
      return "";
    }
    return value.name().substring(prefix(value.getDeclaringClass()).length()).toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E> & ProtocolMessageEnum> java.util.List<E> values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .filter(v -> !v.name().equals("UNRECOGNIZED") && v.getNumber() != 0)
        .toList();
  }

  /** {@code INVENTORY_CAUSE_} from {@code INVENTORY_CAUSE_UNSPECIFIED}, the value numbered 0. */
  private static <E extends Enum<E> & ProtocolMessageEnum> String prefix(Class<E> type) {
    for (E value : type.getEnumConstants()) {
      if (!value.name().equals("UNRECOGNIZED") && value.getNumber() == 0) {
        return value.name().substring(0, value.name().length() - "UNSPECIFIED".length());
      }
    }
    throw new IllegalStateException(type + " has no value numbered 0");
  }
}
