package com.backordergateway.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void paragraphsAreEscapedAndLineBreaksKept() {
    assertThat(HtmlText.paragraphs("Hi Maya,\r\n\r\nPaint <120 ml> & \"brushes\"\nare 'late'.\n\n\n  Thanks  "))
        .isEqualTo("<p>Hi Maya,</p>\n<p>Paint &lt;120 ml&gt; &amp; &quot;brushes&quot;<br>\nare &#39;late&#39;.</p>\n"
            + "<p>Thanks</p>");
  }

  @Test
  void blankTextIsNoParagraph() {
    assertThat(HtmlText.paragraphs(" \n\n ")).isEmpty();
  }
}
