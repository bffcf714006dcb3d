package com.backordergateway.plugins.freshdesk;

import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Freshdesk group ({@code group_id}) and agent ({@code responder_id}) a new ticket is
 * assigned to, by the product team that owns the SKU: its {@code supplier} fact first (a rule in
 * {@code supplier-routing}), else its {@code category} fact (a rule in {@code category-routing}),
 * else the {@code *} rule of {@code category-routing}, else none (Freshdesk's own automations
 * decide). Names match without regard to case. The first rule that matches gives both ids.
 *
 * <p>A rule's value is {@code group:<id>}, {@code agent:<id>} or both, comma-separated:
 * {@code paints=group:101; brushes=group:102,agent:5501}.
 */
record TicketRouting(Map<String, Assignment> byCategory, Map<String, Assignment> bySupplier) {

  static final String ANY_CATEGORY = "*";

  /** The ids a rule assigns; at least one is present. */
  record Assignment(Optional<Long> groupId, Optional<Long> agentId) {
    Assignment {
      Objects.requireNonNull(groupId, "groupId is null");
      Objects.requireNonNull(agentId, "agentId is null");
    }
  }

  TicketRouting {
    byCategory = Map.copyOf(byCategory);
    bySupplier = Map.copyOf(bySupplier);
  }

  /**
   * Reads both settings' rules.
   *
   * @throws InvalidSettingsException naming the setting and the entry's position, never its value
   */
  static TicketRouting from(Map<String, String> byCategory, Map<String, String> bySupplier) {
    return new TicketRouting(rules(FreshdeskSettings.CATEGORY_ROUTING, byCategory),
        rules(FreshdeskSettings.SUPPLIER_ROUTING, bySupplier));
  }

  /** The assignment for a SKU of this category and supplier (either may be empty), if a rule matches. */
  Optional<Assignment> assignmentFor(String category, String supplier) {
    return Optional.ofNullable(bySupplier.get(name(supplier)))
        .or(() -> Optional.ofNullable(byCategory.get(name(category))))
        .or(() -> Optional.ofNullable(byCategory.get(ANY_CATEGORY)));
  }

  private static Map<String, Assignment> rules(String key, Map<String, String> configured) {
    Map<String, Assignment> rules = new HashMap<>();
    List<String> names = new ArrayList<>(configured.keySet());
    for (int i = 0; i < names.size(); i++) {
      rules.put(name(names.get(i)), assignment(key, i + 1, configured.get(names.get(i))));
    }
    return rules;
  }

  private static Assignment assignment(String key, int entry, String value) {
    Long group = null;
    Long agent = null;
    for (String item : SettingFormat.items(value)) {
      String[] kindAndId = item.split(":", 2);
      if (kindAndId.length != 2 || !kindAndId[1].strip().matches("[1-9][0-9]{0,17}")) {
        throw invalid(key, entry);
      }
      long id = Long.parseLong(kindAndId[1].strip());
      switch (kindAndId[0].strip()) {
        case "group" -> group = group == null ? id : duplicate(key, entry, "group");
        case "agent" -> agent = agent == null ? id : duplicate(key, entry, "agent");
        default -> throw invalid(key, entry);
      }
    }
    if (group == null && agent == null) {
      throw invalid(key, entry);
    }
    return new Assignment(Optional.ofNullable(group), Optional.ofNullable(agent));
  }

  private static Long duplicate(String key, int entry, String kind) {
    throw new InvalidSettingsException(key, "entry " + entry + " names more than one " + kind);
  }

  private static InvalidSettingsException invalid(String key, int entry) {
    return new InvalidSettingsException(key, "entry " + entry + " must assign group:<id>, agent:<id> or both, "
        + "e.g. brushes=group:102,agent:5501 (ids from the group's and the agent's page in Freshdesk)");
  }

  private static String name(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "routing=" + byCategory.size() + " category and " + bySupplier.size() + " supplier rules";
  }
}
