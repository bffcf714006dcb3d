package com.backordergateway.server.routing;

import com.backordergateway.connector.testkit.TemplatesContract;
import java.nio.file.Path;

/**
 * The gateway's built-in wording (what every connector without templates of its own sends) under
 * the same contract as a plugin's: every template in English, French and Spanish reads right
 * with any fact missing.
 */
class DefaultTemplatesContractTest extends TemplatesContract {

  @Override
  protected Path templatesFolder() {
    return Path.of("../rendering/src/main/resources/default-templates");
  }
}
