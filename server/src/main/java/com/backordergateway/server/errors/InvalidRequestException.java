package com.backordergateway.server.errors;

import com.google.rpc.BadRequest;
import java.util.List;

/** A request with bad fields; it changes nothing and answers INVALID_ARGUMENT with every violation. */
public final class InvalidRequestException extends RuntimeException {

  private final List<BadRequest.FieldViolation> violations;

  public InvalidRequestException(List<BadRequest.FieldViolation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  public static InvalidRequestException of(String field, String description) {
    return new InvalidRequestException(
        List.of(
            BadRequest.FieldViolation.newBuilder()
                .setField(field)
                .setDescription(description)
                .build()));
  }

  public List<BadRequest.FieldViolation> violations() {
    return violations;
  }

  private static String summary(List<BadRequest.FieldViolation> violations) {
    StringBuilder text = new StringBuilder("invalid request: ");
    for (int i = 0; i < violations.size(); i++) {
      BadRequest.FieldViolation v = violations.get(i);
      text.append(i == 0 ? "" : "; ").append(v.getField()).append(": ").append(v.getDescription());
    }
    return text.toString();
  }
}
