package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;

/**
 * The store's Admin GraphQL endpoint ({@code POST /admin/api/{version}/graphql.json}, JSON body
 * {@code {query, variables}}, authenticated with {@code X-Shopify-Access-Token}): runs one
 * operation and hands back its {@code data}, or throws as {@link ShopifyAnswers} classifies the
 * answer. Values always travel as variables, never spliced into the query text.
 */
final class AdminGraphql {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ShopifySettings settings;
  private final ConnectorContext context;
  private final String userAgent;
  private final ShopifyAnswers answers;
  private final URI endpoint;

  AdminGraphql(ShopifySettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    this.answers = new ShopifyAnswers(settings.accessToken(), context.clock());
    this.endpoint = settings.graphqlUrl();
  }

  /** Runs {@code query} with {@code variables}; {@code deliveryId} is only for the log. */
  JsonNode run(String query, Map<String, ?> variables, String deliveryId) throws DeliveryException {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    body.set("variables", JSON.valueToTree(variables));
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-Shopify-Access-Token", settings.accessToken())
        .header("User-Agent", userAgent)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {}: Shopify {} {}: HTTP {}", deliveryId, settings.host(), operationName(query),
        response.statusCode());
    return answers.data(response);
  }

  /** The mutation's payload, checked for user errors. */
  JsonNode mutationPayload(JsonNode data, String field) throws DeliveryException {
    return answers.mutationPayload(data, field);
  }

  private static String operationName(String query) {
    String[] words = query.strip().split("[\\s($]+", 3);
    return words.length > 1 ? words[1] : words[0];
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
