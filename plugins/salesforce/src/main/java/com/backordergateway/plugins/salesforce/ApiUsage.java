package com.backordergateway.plugins.salesforce;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * The org's API usage as every REST answer reports it ({@code Sforce-Limit-Info: api-usage=n/m},
 * calls in the rolling 24 hours against the org's allocation). The allocation is shared with every
 * other integration of the org, so the connector says when it runs low: one warning when usage
 * reaches {@value #WARN_PERCENT} %, one line when it drops back. Thread-safe.
 */
final class ApiUsage {

  static final int WARN_PERCENT = 90;

  private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

  /** Calls used and the org's allocation. */
  record Usage(long used, long allocation) {
    boolean close() {
      return allocation > 0 && used * 100 >= allocation * WARN_PERCENT;
    }

    @Override
    public String toString() {
      return used + "/" + allocation;
    }
  }

  private final AtomicBoolean warned = new AtomicBoolean();

  /** Reads the header of {@code answer}, if it has one, and logs a change of state. */
  void read(HttpResponse<?> answer, Logger logger) {
    answer.headers().firstValue("Sforce-Limit-Info").flatMap(ApiUsage::parse).ifPresent(usage -> {
      if (usage.close() && warned.compareAndSet(false, true)) {
        logger.warn("Salesforce API usage is at {} calls in the last 24 hours ({} % or more of the org's allocation); "
            + "at the limit every integration of the org is refused with REQUEST_LIMIT_EXCEEDED", usage, WARN_PERCENT);
      } else if (!usage.close() && warned.compareAndSet(true, false)) {
        logger.info("Salesforce API usage is back under {} %: {}", WARN_PERCENT, usage);
      }
    });
  }

  /** {@code api-usage=18/5000; api-bursts=1/750} → 18/5000; empty without an api-usage entry. */
  static Optional<Usage> parse(String header) {
    Matcher matcher = API_USAGE.matcher(header);
    if (!matcher.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Usage(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }
}
