package com.backordergateway.connector.support;

/**
 * HTML built from a rendered plain-text body, for email and ticket connectors: every character
 * HTML gives a meaning to is escaped (templates render unescaped text, and a product name or a
 * customer's note may contain {@code <}, {@code &} or quotes), blank lines separate paragraphs
 * and single line breaks become {@code <br>}. Nothing else is added: no styles, no links.
 */
public final class HtmlText {

  private HtmlText() {}

  /** Paragraphs of escaped text. */
  public static String paragraphs(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    StringBuilder html = new StringBuilder();
    for (String paragraph : normalized.split("\n[ \t]*\n\\s*")) {
      if (paragraph.isBlank()) {
        continue;
      }
      if (!html.isEmpty()) {
        html.append('\n');
      }
      html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>\n")).append("</p>");
    }
    return html.toString();
  }

  /** Text safe inside HTML elements and quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
