package com.backordergateway.connector.support;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as people and platforms write them ({@code +1 (415) 555-0123},
 * {@code +44 20 7946 0958}) turned into E.164 when they are one: spaces (no-break ones too),
 * dashes, dots, slashes and brackets dropped, a {@code +} and a country code required. A number
 * without a country code is not guessed at: the caller treats it as no phone.
 */
public final class PhoneNumbers {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\-.()/]");
  /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private PhoneNumbers() {}

  /** The number in E.164 form, or empty when it is missing or has no country code. */
  public static Optional<String> e164(String written) {
    if (written == null) {
      return Optional.empty();
    }
    String number = SEPARATORS.matcher(written.strip()).replaceAll("");
    return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
  }
}
