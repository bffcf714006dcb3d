package com.backordergateway.server.errors;

import com.google.rpc.BadRequest.FieldViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects a request's bad fields: one problem per field (the first found), the first
 * {@link #MAX_SHOWN} listed and the rest counted, so 10,000 bad orders answer a short error.
 */
public final class FieldViolations {

  public static final int MAX_SHOWN = 20;

  private final List<FieldViolation> shown = new ArrayList<>();
  private final Set<String> fields = new HashSet<>();
  private int more;

  public void add(String field, String description) {
    if (!fields.add(field)) {
      return;
    }
    if (shown.size() < MAX_SHOWN) {
      shown.add(FieldViolation.newBuilder().setField(field).setDescription(description).build());
    } else {
      more++;
    }
  }

  public boolean isEmpty() {
    return shown.isEmpty();
  }

  /** @throws InvalidRequestException with the listed violations and, after them, how many more */
  public void throwIfAny() {
    if (shown.isEmpty()) {
      return;
    }
    List<FieldViolation> answer = new ArrayList<>(shown);
    if (more > 0) {
      answer.add(FieldViolation.newBuilder().setField("").setDescription("and " + more + " more fields").build());
    }
    throw new InvalidRequestException(answer);
  }
}
