package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * The store's Admin GraphQL endpoint ({@code POST /admin/api/{version}/graphql.json}, JSON body
 * {@code {query, variables}}, authenticated with {@code X-Shopify-Access-Token}): runs one
 * operation and hands back its {@code data}, or throws as {@link ShopifyAnswers} classifies the
 * answer. Values always travel as variables, never spliced into the query text.
 */
final class AdminGraphql {

  private final ShopifySettings settings;
  private final ConnectorContext context;
  private final URI endpoint;

  AdminGraphql(ShopifySettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.endpoint = settings.graphqlUrl();
  }

  /**
   * Runs {@code query} with {@code variables}; {@code subject} ("delivery 0f3c…", "inventory
   * item 4417…") is only for the log.
   */
  JsonNode run(String query, ObjectNode variables, String subject) throws DeliveryException {
    ObjectNode body = context.json().object().put("query", query);
    body.set("variables", variables);
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .POST(context.json().body(body))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-Shopify-Access-Token", settings.accessToken())
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("{}: Shopify {} {}: HTTP {}", subject, settings.host(), operationName(query),
        response.statusCode());
    return ShopifyAnswers.data(response, context.clock());
  }

  /** A new variables object, on the host's JSON. */
  ObjectNode variables() {
    return context.json().object();
  }

  private static String operationName(String query) {
    String[] words = query.strip().split("[\\s($]+", 3);
    return words.length > 1 ? words[1] : words[0];
  }
}
