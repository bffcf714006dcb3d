package com.backordergateway.rendering;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles templates with mustache.java, refusing any variable outside {@link
 * TemplateVariables#NAMES} — and, in a template customers read, any of {@link
 * TemplateVariables#STAFF_ONLY} — and reporting every problem as {@code file:line: what}. Output
 * is not HTML-escaped: messages are plain text, and each connector escapes for its own format.
 */
final class StrictMustache {

  /** A template that compiled, or the problems that stopped it. */
  record Compiled(Mustache mustache, List<String> problems) {}

  private StrictMustache() {}

  static Compiled compile(String file, String text, boolean forCustomers) {
    List<String> problems = new ArrayList<>();
    Factory factory = new Factory(problems, forCustomers);
    try {
      Mustache mustache = factory.compile(new StringReader(text), file);
      return new Compiled(problems.isEmpty() ? mustache : null, problems);
    } catch (MustacheException e) {
      problems.add(file + ": " + e.getMessage());
      return new Compiled(null, problems);
    }
  }

  private static final class Factory extends DefaultMustacheFactory {
    private final List<String> problems;
    private final boolean forCustomers;

    Factory(List<String> problems, boolean forCustomers) {
      this.problems = problems;
      this.forCustomers = forCustomers;
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
      return new DefaultMustacheVisitor(this) {
        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
          check(tc, variable);
          super.value(tc, variable, encoded);
        }

        @Override
        public void iterable(TemplateContext tc, String variable, Mustache mustache) {
          check(tc, variable);
          super.iterable(tc, variable, mustache);
        }

        @Override
        public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
          check(tc, variable);
          super.notIterable(tc, variable, mustache);
        }

        @Override
        public void partial(TemplateContext tc, String variable, String indent) {
          problems.add(tc.file() + ":" + tc.line() + ": partials are not supported ({{>" + variable + "}})");
        }
      };
    }

    private void check(TemplateContext tc, String variable) {
      if (!variable.equals(".") && !TemplateVariables.NAMES.contains(variable)) {
        problems.add(tc.file() + ":" + tc.line() + ": unknown variable {{" + variable + "}}");
      } else if (forCustomers && TemplateVariables.STAFF_ONLY.contains(variable)) {
        problems.add(tc.file() + ":" + tc.line() + ": {{" + variable + "}} is for staff only and cannot appear in a"
            + " template customers read");
      }
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new MustacheException("cannot write", e);
      }
    }
  }
}
