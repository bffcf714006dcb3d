package com.backordergateway.plugins.twilio;

/**
 * How a text travels as SMS (3GPP TS 23.038, GSM 03.38): in GSM-7 when every character is in the
 * basic set or its extension table, else in UCS-2. A single message holds 160 GSM-7 units or 70
 * UCS-2 code units; concatenated, each segment holds 153 or 67 (the rest is the header). An
 * extension character costs two units (escape + code) and is never split across segments, nor is
 * a UTF-16 surrogate pair.
 */
final class SmsEncoding {

  /** The GSM 03.38 basic character set, in code order (0x1B, the escape, is not a character). */
  static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** The extension table: each one is sent as escape + code, two units. */
  static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  static final int GSM_SINGLE = 160;
  static final int GSM_SEGMENT = 153;
  static final int UCS2_SINGLE = 70;
  static final int UCS2_SEGMENT = 67;

  private SmsEncoding() {}

  /** Whether the text can be sent in GSM-7. */
  static boolean isGsm7(String text) {
    return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
  }

  /** The characters that force UCS-2, in order of appearance, without repeats ("" for GSM-7 text). */
  static String nonGsmCharacters(String text) {
    StringBuilder found = new StringBuilder();
    text.codePoints().filter(c -> c > 0xFFFF || GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0)
        .distinct().forEach(found::appendCodePoint);
    return found.toString();
  }

  /** GSM-7 units the text takes: one per basic character, two per extension character. */
  static int gsmUnits(String text) {
    if (!isGsm7(text)) {
      throw new IllegalArgumentException("not GSM-7: " + nonGsmCharacters(text));
    }
    return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
  }

  /** UCS-2 code units the text takes (UTF-16 length: an emoji is two). */
  static int ucs2Units(String text) {
    return text.length();
  }

  /** The segments the text is sent in, in whichever encoding it needs. */
  static int segments(String text) {
    if (text.isEmpty()) {
      return 1;
    }
    if (isGsm7(text)) {
      if (gsmUnits(text) <= GSM_SINGLE) {
        return 1;
      }
      int segments = 1;
      int used = 0;
      for (int i = 0; i < text.length(); i++) {
        int cost = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        if (used + cost > GSM_SEGMENT) {
          segments++;
          used = 0;
        }
        used += cost;
      }
      return segments;
    }
    if (ucs2Units(text) <= UCS2_SINGLE) {
      return 1;
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int cost = Character.charCount(text.codePointAt(i));
      if (used + cost > UCS2_SEGMENT) {
        segments++;
        used = 0;
      }
      used += cost;
    }
    return segments;
  }
}
