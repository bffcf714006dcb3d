package com.backordergateway.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void writtenNumbersWithACountryCodeBecomeE164() {
    assertThat(PhoneNumbers.e164("+1 (415) 555-0123")).hasValue("+14155550123");
    assertThat(PhoneNumbers.e164("+44\u00a020.7946/0958")).hasValue("+442079460958");
  }

  @Test
  void numbersWithoutACountryCodeAreNotGuessed() {
    assertThat(PhoneNumbers.e164("415-555-0123")).isEmpty();
    assertThat(PhoneNumbers.e164("+0 415 555")).isEmpty();
    assertThat(PhoneNumbers.e164("")).isEmpty();
    assertThat(PhoneNumbers.e164(null)).isEmpty();
  }
}
