package com.backordergateway.plugins.slack;

/**
 * Text for Slack's mrkdwn fields. Slack reads {@code <…>} as links, mentions and dates and
 * {@code &} as the start of an entity, so text from outside (product names, reasons, notes) is
 * escaped to {@code &amp; &lt; &gt;} before it goes in; {@code *bold*} and {@code _italic_}
 * written in templates still work. Lengths are capped at Block Kit's limits without cutting an
 * escape or an emoji in half.
 */
final class SlackMrkdwn {

  private static final String ELLIPSIS = "…";

  private SlackMrkdwn() {}

  /** Escapes Slack's three control characters, as Slack's formatting docs ask. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Shortens already escaped text to at most {@code max} characters, ending with "…" when cut,
   * and never inside an {@code &amp;}-style escape.
   */
  static String fit(String escaped, int max) {
    if (escaped.length() <= max) {
      return escaped;
    }
    int cut = max - ELLIPSIS.length();
    int amp = escaped.lastIndexOf('&', cut - 1);
    if (amp >= 0 && escaped.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    return escaped.substring(0, wholeCharacters(escaped, cut)) + ELLIPSIS;
  }

  /** Plain text (header blocks) capped at {@code max} characters. */
  static String fitPlain(String text, int max) {
    return text.length() <= max ? text : text.substring(0, wholeCharacters(text, max - ELLIPSIS.length())) + ELLIPSIS;
  }

  /** {@code cut}, or one less so that an emoji's surrogate pair is not split. */
  private static int wholeCharacters(String text, int cut) {
    return cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
  }
}
