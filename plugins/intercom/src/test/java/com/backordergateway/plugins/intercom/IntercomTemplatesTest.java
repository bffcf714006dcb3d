package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.testkit.TemplatesContract;
import java.util.OptionalInt;

/**
 * The wording the plugin ships, in English, French and Spanish: the testkit's contract, within
 * the 255 characters Intercom shows of a metadata string (the {@code notice}).
 */
class IntercomTemplatesTest extends TemplatesContract {

  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(IntercomMetadata.MAX_STRING);
  }
}
