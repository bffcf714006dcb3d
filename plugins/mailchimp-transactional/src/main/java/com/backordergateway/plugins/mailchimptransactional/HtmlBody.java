package com.backordergateway.plugins.mailchimptransactional;

/**
 * The {@code body_html} merge variable, built from the rendered plain-text body so a template
 * can show it as HTML ({@code {{{body_html}}}}, {@code *|BODY_HTML|*}): every character HTML gives a
 * meaning to is escaped (templates render unescaped text, and a product name or a customer's note
 * may contain {@code <}, {@code &} or quotes), blank lines separate paragraphs and single line
 * breaks become {@code <br>}. Nothing else is added: no styles, no links.
 */
final class HtmlBody {

  private HtmlBody() {}

  static String of(String text) {
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

  static String escape(String text) {
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
