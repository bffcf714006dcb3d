package com.backordergateway.plugins.sendgrid;

import java.util.regex.Pattern;

/**
 * The checks the connector makes on addresses and display names before SendGrid sees them. The
 * address check is deliberately plain (something, one {@code @}, a dotted domain, no spaces):
 * SendGrid has the last word, this only catches what cannot be an address at all.
 *
 * <p>Display names: SendGrid reads {@code ,} and {@code ;} in a recipient name as address
 * separators and drops the mail as an invalid address (sendgrid-csharp#268, sendgrid-ruby#77;
 * its support lists {@code ( ) , : ; < > @ [ ]} as troublesome). A customer's name with one of
 * those is left out, the address alone is enough; the {@code from-name} setting's format refuses a
 * sender name with one.
 */
final class EmailAddresses {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>(),;:\\[\\]]+@[^@\\s\"<>(),;:\\[\\]]+\\.[^@\\s\"<>(),;:\\[\\].]+");
  /** A display name without the characters SendGrid misreads. */
  static final String SAFE_DISPLAY_NAME = "[^,;<>()\\[\\]:@\"\\p{Cntrl}]+";
  private static final Pattern SAFE_NAME = Pattern.compile(SAFE_DISPLAY_NAME);

  private EmailAddresses() {}

  static boolean isValid(String address) {
    return address.length() <= 254 && ADDRESS.matcher(address).matches();
  }

  static boolean isSafeDisplayName(String name) {
    return !name.isBlank() && SAFE_NAME.matcher(name).matches();
  }
}
