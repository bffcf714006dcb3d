package com.backordergateway.plugins.mailchimptransactional;

import java.util.regex.Pattern;

/**
 * The check the connector makes on addresses before Mailchimp Transactional sees them:
 * deliberately plain (something, one {@code @}, a dotted domain, no spaces or brackets).
 * Mailchimp Transactional has the last word and answers {@code invalid} for what it refuses; this
 * only catches what cannot be an address at all, without a request.
 */
final class EmailAddresses {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>(),;:\\[\\]]+@[^@\\s\"<>(),;:\\[\\]]+\\.[^@\\s\"<>(),;:\\[\\].]+");

  private EmailAddresses() {}

  static boolean isValid(String address) {
    return address.length() <= 254 && ADDRESS.matcher(address).matches();
  }
}
