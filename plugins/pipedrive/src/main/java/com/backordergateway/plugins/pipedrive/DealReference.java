package com.backordergateway.plugins.pipedrive;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a delivery leaves for the case's follow-ups, as its receipt's reference: the deal it
 * labelled and the owner's activity it created, {@code deal:<id>;activity:<id>}.
 */
record DealReference(long dealId, long activityId) {

  /** What {@link #toString()} writes. */
  static final Pattern PATTERN = Pattern.compile("deal:([1-9][0-9]{0,18});activity:([1-9][0-9]{0,18})");

  /** The reference {@code text} names; empty if it is not one {@link #toString()} wrote. */
  static Optional<DealReference> parse(String text) {
    Matcher matcher = PATTERN.matcher(text.strip());
    return matcher.matches()
        ? Optional.of(new DealReference(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))))
        : Optional.empty();
  }

  DealReference withActivity(long newActivityId) {
    return new DealReference(dealId, newActivityId);
  }

  @Override
  public String toString() {
    return "deal:" + dealId + ";activity:" + activityId;
  }
}
