package com.backordergateway.server.dashboard;

import com.github.mustachejava.util.HtmlEscaper;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes one inline SVG chart for a page under a strict Content-Security-Policy: presentation
 * attributes only (no {@code style}), every piece of text escaped, scaling to the page's width.
 */
final class Svg {

  static final int WIDTH = 480;
  static final int HEIGHT = 220;
  private static final Pattern NOT_IN_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

  private final StringBuilder out = new StringBuilder(4096);

  /** An {@code <svg class="chart kind">} whose accessible name and title are {@code label}. */
  Svg(String kind, String label) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"100%\" role=\"img\" class=\"chart ").append(escape(kind))
        .append("\" aria-label=\"").append(escape(label))
        .append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\" fill=\"#333333\">")
        .append("<title>").append(escape(label)).append("</title>");
  }

  /** A rectangle; {@code tooltip} (null for none) becomes its {@code <title>}. */
  Svg rect(String cssClass, String fill, double x, double y, double width, double height, String tooltip) {
    out.append("<rect class=\"").append(escape(cssClass)).append("\" fill=\"").append(fill)
        .append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height)).append('"');
    return tooltip == null ? add("/>") : add("><title>" + escape(tooltip) + "</title></rect>");
  }

  /** Text anchored at {@code x} by {@code anchor}: start, middle or end. */
  Svg text(String cssClass, double x, double y, String anchor, String text) {
    out.append("<text class=\"").append(escape(cssClass)).append("\" x=\"").append(num(x))
        .append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor).append("\">");
    return add(escape(text) + "</text>");
  }

  Svg line(String cssClass, String stroke, double x1, double y1, double x2, double y2) {
    out.append("<line class=\"").append(escape(cssClass)).append("\" stroke=\"").append(stroke)
        .append("\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
        .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2));
    return add("\"/>");
  }

  /** A line through {@code points} ({x, y} pairs), dashed where {@code dashes} is not null. */
  Svg polyline(String cssClass, String stroke, String dashes, List<double[]> points) {
    out.append("<polyline class=\"").append(escape(cssClass))
        .append("\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append('"');
    if (dashes != null) {
      out.append(" stroke-dasharray=\"").append(dashes).append('"');
    }
    out.append(" points=\"");
    for (double[] p : points) {
      out.append(num(p[0])).append(',').append(num(p[1])).append(' ');
    }
    return add("\"/>");
  }

  Svg circle(String cssClass, String fill, double x, double y, String tooltip) {
    out.append("<circle class=\"").append(escape(cssClass)).append("\" fill=\"").append(fill)
        .append("\" cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3\">");
    return add("<title>" + escape(tooltip) + "</title></circle>");
  }

  /** Opens a group whose {@code <title>} is {@code tooltip}; close it with {@link #closeGroup()}. */
  Svg group(String cssClass, String tooltip) {
    out.append("<g class=\"").append(escape(cssClass)).append("\">");
    return add("<title>" + escape(tooltip) + "</title>");
  }

  Svg closeGroup() {
    return add("</g>");
  }

  String done() {
    return out.append("</svg>").toString();
  }

  private Svg add(String markup) {
    out.append(markup);
    return this;
  }

  /**
   * Text made safe for XML and HTML, in element content and in quoted attributes alike: the same
   * escaping Mustache gives every value on the pages, after replacing the control characters XML
   * does not allow.
   */
  static String escape(String text) {
    StringWriter escaped = new StringWriter(text.length() + 16);
    HtmlEscaper.escape(NOT_IN_XML.matcher(text).replaceAll("\uFFFD"), escaped);
    return escaped.toString();
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
