package com.backordergateway.server.intake;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.OrderLine;
import com.backordergateway.server.errors.FieldViolations;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Collects every bad field of a request, then fails once with them (see {@link FieldViolations}). */
public final class Violations {

  static final int MAX_TEXT = 1000;
  static final int MAX_ID = 128;
  static final int MAX_ITEMS = 500;

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private final FieldViolations found = new FieldViolations();

  void add(String field, String description) {
    found.add(field, description);
  }

  void check(boolean ok, String field, String description) {
    if (!ok) {
      add(field, description);
    }
  }

  void sku(String field, String sku) {
    if (sku.isEmpty()) {
      add(field, "required");
    } else if (!SKU.matcher(sku).matches()) {
      add(field, "must be 1-64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit");
    }
  }

  private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 &/_.-]{0,63}");

  /** An optional product category: 1-64 letters, digits, spaces and {@code & / _ . -}. */
  void category(String value) {
    if (!value.isEmpty() && !CATEGORY.matcher(value).matches()) {
      add("category", "1-64 letters, digits, spaces or & / _ . -, starting with a letter or digit");
    }
  }

  void requiredId(String field, String value) {
    if (value.isBlank()) {
      add(field, "required");
    } else {
      maxLength(field, value, MAX_ID);
    }
  }

  void maxLength(String field, String value, int max) {
    if (value.length() > max) {
      add(field, "must be at most " + max + " characters");
    }
  }

  void idempotencyKey(String key) {
    maxLength("idempotency_key", key, MAX_ID);
  }

  /** The range a business date can be in; outside it a value is a mistake, not a plan. */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /**
   * A timestamp that is well-formed (nanos within a second) and between {@link #EARLIEST} and
   * {@link #LATEST}; false (with a violation) otherwise, so callers compare only valid ones.
   */
  boolean timestamp(String field, Timestamp value) {
    boolean valid = Timestamps.isValid(value) && value.getSeconds() >= EARLIEST.getEpochSecond()
        && value.getSeconds() < LATEST.getEpochSecond();
    if (!valid) {
      add(field, "not a valid time: RFC 3339 between 2000-01-01 and 2100-01-01, nanos 0 to 999,999,999");
    }
    return valid;
  }

  /** Refuses a customer whose contact details are not valid ones, naming each bad field under {@code field}. */
  public static void requireValidCustomer(String field, Customer c) {
    Violations v = new Violations();
    v.customer(field, c);
    v.throwIfAny();
  }

  void customer(String field, Customer c) {
    maxLength(field + ".name", c.getName(), 200);
    maxLength(field + ".customer_id", c.getCustomerId(), MAX_ID);
    if (!c.getEmail().isEmpty() && (c.getEmail().length() > 254 || !EMAIL.matcher(c.getEmail()).matches())) {
      add(field + ".email", "not a valid email address");
    }
    if (!c.getPhone().isEmpty() && !E164.matcher(c.getPhone()).matches()) {
      add(field + ".phone", "must be E.164, e.g. +14155550123");
    }
    if (!c.getLocale().isEmpty()) {
      try {
        new Locale.Builder().setLanguageTag(c.getLocale());
      } catch (IllformedLocaleException e) {
        add(field + ".locale", "not a BCP 47 language tag, e.g. en-GB");
      }
    }
    if (!c.getTimeZone().isEmpty()) {
      try {
        ZoneId.of(c.getTimeZone());
      } catch (DateTimeException e) {
        add(field + ".time_zone", "not an IANA time zone, e.g. Europe/London");
      }
    }
  }

  void order(String field, CustomerOrder order) {
    requiredId(field + ".order_id", order.getOrderId());
    maxLength(field + ".order_name", order.getOrderName(), MAX_ID);
    customer(field + ".customer", order.getCustomer());
    check(order.getLinesCount() <= MAX_ITEMS, field + ".lines", "at most " + MAX_ITEMS + " lines");
    for (int i = 0; i < order.getLinesCount(); i++) {
      OrderLine line = order.getLines(i);
      sku(field + ".lines[" + i + "].sku", line.getSku());
      check(line.getQuantity() > 0, field + ".lines[" + i + "].quantity", "must be positive");
    }
  }

  void throwIfAny() {
    found.throwIfAny();
  }
}
