package com.backordergateway.plugins.woocommerce;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as platforms store them ({@code +1 (415) 555-0123}, {@code 415-555-0123}) turned
 * into E.164 when they are one: separators dropped, a {@code +} and a country code required. A
 * number without a country code is not guessed at; the customer then has no phone on record.
 */
final class PhoneNumbers {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\-.()/]");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private PhoneNumbers() {}

  static Optional<String> e164(String written) {
    if (written == null) {
      return Optional.empty();
    }
    String number = SEPARATORS.matcher(written.strip()).replaceAll("");
    return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
  }
}
