package com.backordergateway.rendering;

import java.util.List;

/** Templates that cannot be used; each problem names the file and line. */
public final class TemplateException extends RuntimeException {

  private final List<String> problems;

  public TemplateException(List<String> problems) {
    super("broken templates:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
