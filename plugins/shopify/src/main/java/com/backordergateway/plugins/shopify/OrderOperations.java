package com.backordergateway.plugins.shopify;

/**
 * The Admin GraphQL operations the connector runs on an order. {@code tagsAdd} and
 * {@code tagsRemove} change only the named tags, never the order's others (unlike REST's
 * {@code PUT orders/{id}.json} or {@code orderUpdate(tags:)}, which replace them all).
 */
final class OrderOperations {

  static final String TAGS_ADD = "mutation BackorderTagsAdd($id: ID!, $tags: [String!]!) "
      + "{ tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } } }";

  static final String TAGS_REMOVE = "mutation BackorderTagsRemove($id: ID!, $tags: [String!]!) "
      + "{ tagsRemove(id: $id, tags: $tags) { node { id } userErrors { field message } } }";

  static final String ORDER_NOTE = "query BackorderOrderNote($id: ID!) { order(id: $id) { id note } }";

  /** Sets the whole note: only ever called with the note just read plus the new text. */
  static final String NOTE_UPDATE = "mutation BackorderNoteUpdate($input: OrderInput!) "
      + "{ orderUpdate(input: $input) { order { id } userErrors { field message } } }";

  private OrderOperations() {}
}
