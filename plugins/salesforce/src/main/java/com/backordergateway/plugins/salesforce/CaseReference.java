package com.backordergateway.plugins.salesforce;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a delivery leaves for the case's follow-ups, as its receipt's reference: the Order it
 * posted on and the follow-up Task it created ({@code order:801…;task:00T…}), or the feed it
 * posted on when there was no Order to post on ({@code subject:0F9…}: staff notices, unmatched
 * notices on the fallback record).
 *
 * @param orderId the Order, or empty
 * @param taskId the Order's follow-up Task, or empty
 * @param subjectId the feed posted on when it is not an Order's, or empty
 */
record CaseReference(String orderId, String taskId, String subjectId) {

  private static final String ID = SalesforceSettings.RECORD_ID;

  /** What {@link #toString()} writes. */
  static final Pattern PATTERN = Pattern.compile("order:(" + ID + ")(?:;task:(" + ID + "))?|subject:(" + ID + ")");

  CaseReference {
    Objects.requireNonNull(orderId, "orderId is null");
    Objects.requireNonNull(taskId, "taskId is null");
    Objects.requireNonNull(subjectId, "subjectId is null");
  }

  static CaseReference order(String orderId, String taskId) {
    return new CaseReference(orderId, taskId, "");
  }

  static CaseReference subject(String subjectId) {
    return new CaseReference("", "", subjectId);
  }

  /** The reference {@code text} names; empty if it is not one {@link #toString()} wrote. */
  static Optional<CaseReference> parse(String text) {
    Matcher matcher = PATTERN.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(3) != null ? subject(matcher.group(3))
        : order(matcher.group(1), Objects.requireNonNullElse(matcher.group(2), "")));
  }

  boolean onOrder() {
    return !orderId.isEmpty();
  }

  /** The same Order with another Task. */
  CaseReference withTask(String newTaskId) {
    return order(orderId, newTaskId);
  }

  @Override
  public String toString() {
    return onOrder() ? "order:" + orderId + (taskId.isEmpty() ? "" : ";task:" + taskId) : "subject:" + subjectId;
  }
}
