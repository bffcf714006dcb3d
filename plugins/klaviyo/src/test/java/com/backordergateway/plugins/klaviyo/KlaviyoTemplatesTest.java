package com.backordergateway.plugins.klaviyo;

import com.backordergateway.connector.testkit.TemplatesContract;

/** The wording the plugin ships, in English, French and Spanish: the testkit's contract. */
class KlaviyoTemplatesTest extends TemplatesContract {}
