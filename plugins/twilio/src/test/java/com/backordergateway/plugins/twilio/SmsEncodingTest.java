package com.backordergateway.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsEncodingTest {

  @Test
  void theBasicSetHasItsHundredAndTwentySevenCharactersAndTheExtensionNine() {
    assertThat(SmsEncoding.GSM_BASIC).hasSize(127);
    assertThat(SmsEncoding.GSM_BASIC.chars().distinct().count()).isEqualTo(127);
    assertThat(SmsEncoding.GSM_BASIC).doesNotContain("\u001b");
    assertThat(SmsEncoding.GSM_EXTENSION).hasSize(10).contains("^", "{", "}", "\\", "[", "]", "~", "|", "€", "\f");
    assertThat(SmsEncoding.GSM_EXTENSION.chars().noneMatch(c -> SmsEncoding.GSM_BASIC.indexOf(c) >= 0)).isTrue();
  }

  @Test
  void frenchAndSpanishLettersInTheBasicSetAreGsm() {
    assertThat(SmsEncoding.isGsm7("é è à ù É ì ò ñ Ñ ü Ü ¿ ¡ @ £ & ' ? ! : ;")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ê", "â", "î", "ô", "û", "ç", "ë", "ï", "œ", "á", "í", "ó", "ú", "È", "À", "’", "«", "—", "\u00a0", "🎨"})
  void lettersAndMarksOutsideGsmForceUcs2(String c) {
    assertThat(SmsEncoding.isGsm7("Merci " + c)).isFalse();
    assertThat(SmsEncoding.nonGsmCharacters("Merci " + c + c)).isEqualTo(c);
  }

  @Test
  void extensionCharactersCountTwice() {
    assertThat(SmsEncoding.gsmUnits("abc")).isEqualTo(3);
    assertThat(SmsEncoding.gsmUnits("10 €")).isEqualTo(5);
    assertThat(SmsEncoding.gsmUnits("[x]{y}")).isEqualTo(10);
    assertThatThrownBy(() -> SmsEncoding.gsmUnits("tôt")).hasMessageContaining("ô");
  }

  @Test
  void gsmSegmentsHold160AloneAnd153Concatenated() {
    assertThat(SmsEncoding.segments("a".repeat(160))).isEqualTo(1);
    assertThat(SmsEncoding.segments("a".repeat(161))).isEqualTo(2);
    assertThat(SmsEncoding.segments("a".repeat(306))).isEqualTo(2);
    assertThat(SmsEncoding.segments("a".repeat(307))).isEqualTo(3);
    assertThat(SmsEncoding.segments("€".repeat(80))).isEqualTo(1);
    assertThat(SmsEncoding.segments("€".repeat(81))).isEqualTo(2);
    // an escape pair is not split: 152 units + € cannot share the first segment's last unit
    assertThat(SmsEncoding.segments("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
    assertThat(SmsEncoding.segments("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(2);
  }

  @Test
  void ucs2SegmentsHold70AloneAnd67Concatenated() {
    assertThat(SmsEncoding.segments("á".repeat(70))).isEqualTo(1);
    assertThat(SmsEncoding.segments("á".repeat(71))).isEqualTo(2);
    assertThat(SmsEncoding.segments("á".repeat(268))).isEqualTo(4);
    assertThat(SmsEncoding.segments("á".repeat(269))).isEqualTo(5);
    assertThat(SmsEncoding.ucs2Units("🎨")).isEqualTo(2);
    // a surrogate pair is not split: 66 units + an emoji moves the emoji to the second segment
    assertThat(SmsEncoding.segments("á".repeat(66) + "🎨" + "á".repeat(66))).isEqualTo(3);
    assertThat(SmsEncoding.segments("á".repeat(65) + "🎨" + "á".repeat(67))).isEqualTo(2);
  }
}
