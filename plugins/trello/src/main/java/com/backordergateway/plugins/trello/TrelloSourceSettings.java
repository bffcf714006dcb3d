package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Trello webhook source instance's settings, read after the host checked their formats:
 * what the signature is made of (the app's secret and the callback URL exactly as registered),
 * the Backorder and Resolved lists, where a card's SKU is read (its name, or a custom field
 * looked up with a key and token), and the gateway's own Trello member, whose actions are not
 * read back. {@link #toString()} masks the secret, the key and the token.
 *
 * @param appSecret the Trello app's secret, which signs every delivery
 * @param callbackUrl the {@code callbackURL} the webhook was registered with, exactly (it is
 *     signed along with the body; a trailing slash counts)
 * @param backorderList a card created in or moved to this list marks its SKU unavailable
 * @param resolvedList a card moved from the Backorder list to this one is restocked, if set
 * @param skuPattern where the SKU is in a card's name: its first match, or group 1 of it
 * @param skuField the custom field the SKU is read from instead, if set
 * @param gatewayMember the member whose actions are the gateway's own, if set (the loop guard)
 */
record TrelloSourceSettings(String appSecret, String callbackUrl, String backorderList, Optional<String> resolvedList,
    Pattern skuPattern, Optional<SkuField> skuField, Optional<String> gatewayMember) {

  static final String APP_SECRET = "app-secret";
  static final String CALLBACK_URL = "callback-url";
  static final String BACKORDER_LIST = "backorder-list";
  static final String RESOLVED_LIST = "resolved-list";
  static final String SKU_PATTERN = "sku-pattern";
  static final String SKU_CUSTOM_FIELD = "sku-custom-field";
  static final String GATEWAY_MEMBER_ID = "gateway-member-id";

  /**
   * Upper-case letters and digits in at least two parts joined by hyphens, one of them with a
   * letter: {@code ACR-TITANIUM-WHITE}, {@code PAINT-ACR-120}, {@code 120-B}; not a date
   * ({@code 2026-03-02}) nor a range ({@code 2-3}).
   */
  static final String DEFAULT_SKU_PATTERN = "\\b(?=[0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+\\b";

  /**
   * Trello signs with the app's secret, 64 hex digits; 32 catches a placeholder or a truncated
   * paste (or the 32-digit API key given by mistake) without refusing a real one.
   */
  static final int MIN_SECRET_LENGTH = 32;

  private static final SettingFormat ID = SettingFormat.pattern(TrelloSettings.OBJECT_ID, "a Trello id: 24 hex digits");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(APP_SECRET, SettingFormat.secret(MIN_SECRET_LENGTH),
          "The Trello app's secret, which signs every delivery (trello.com/power-ups/admin → API key → Secret)."),
      SettingSpec.required(CALLBACK_URL, SettingFormat.url(),
          "The callbackURL the webhook was registered with, exactly: Trello signs the body with it.")
          .withExample("https://gateway.example.com/webhooks/trello/stock-board"),
      SettingSpec.required(BACKORDER_LIST, ID,
          "A card created in or moved to this list marks its SKU unavailable.")
          .withExample("65f1c0ffee0ddba11a5e0001"),
      SettingSpec.optional(RESOLVED_LIST, ID, null,
          "A card moved from the backorder list to this list resolves its SKU's backorder as restocked.")
          .withExample("65f1c0ffee0ddba11a5e0002"),
      SettingSpec.optional(SKU_PATTERN, SettingFormat.text(), DEFAULT_SKU_PATTERN,
          "Regular expression whose first match in a card's name (group 1 if it has one) is the SKU."),
      SettingSpec.optional(SKU_CUSTOM_FIELD, ID, null,
          "A custom field the SKU is read from instead of the name; needs api-key and token.")
          .withExample("65f1c0ffee0ddba11a5ef1e1"),
      SettingSpec.optional(TrelloSettings.API_KEY, SettingFormat.pattern("[0-9a-f]{32}",
          "a Trello API key: 32 hex digits"), null, "With sku-custom-field: the API key of the look-ups.").masked(),
      SettingSpec.optional(TrelloSettings.TOKEN, SettingFormat.secret(32), null,
          "With sku-custom-field: a token with read access to the board."),
      SettingSpec.optional(GATEWAY_MEMBER_ID, ID, null,
          "The member of the trello connector's token (GET /1/members/me → id): its actions are ignored.")
          .withExample("5a0b0c0d0e0f101112131415"),
      SettingSpec.optional(TrelloSettings.BASE_URL, SettingFormat.url(), "https://api.trello.com",
          "API host of the custom field look-ups; set it only for a test server or a proxy."));

  TrelloSourceSettings {
    Objects.requireNonNull(appSecret, "appSecret is null");
    Objects.requireNonNull(callbackUrl, "callbackUrl is null");
    Objects.requireNonNull(backorderList, "backorderList is null");
    Objects.requireNonNull(resolvedList, "resolvedList is null");
    Objects.requireNonNull(skuPattern, "skuPattern is null");
    Objects.requireNonNull(skuField, "skuField is null");
    Objects.requireNonNull(gatewayMember, "gatewayMember is null");
  }

  /**
   * The custom field a card's SKU is read from, with what the look-up needs. {@link
   * #toString()} masks the key and the token.
   *
   * @param fieldId the custom field's id ({@code idCustomField} of the card's items)
   */
  record SkuField(String fieldId, URI baseUrl, String apiKey, String token) {

    SkuField {
      Objects.requireNonNull(fieldId, "fieldId is null");
      Objects.requireNonNull(baseUrl, "baseUrl is null");
      Objects.requireNonNull(apiKey, "apiKey is null");
      Objects.requireNonNull(token, "token is null");
    }

    /** The path of a card's custom field items, for log lines and messages: no key, no token. */
    static String path(String card) {
      return "/1/cards/" + card + "/customFieldItems";
    }

    /** {@link #path} with the key and token as query parameters: sent, never logged. */
    URI itemsUrl(String card) {
      return URI.create(baseUrl + path(card) + "?key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)
          + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The text with the key and token masked, should Trello or a proxy ever echo them. */
    String redact(String text) {
      return text.replace(token, "****").replace(apiKey, "****");
    }

    @Override
    public String toString() {
      return "SkuField[" + fieldId + " via " + baseUrl.getHost() + ", api-key=****, token=****]";
    }
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value): the Resolved list
   *     is the Backorder list, the pattern does not compile, or a custom field without the key
   *     or the token to read it
   */
  static TrelloSourceSettings from(ConnectorSettings settings) {
    String backorder = settings.get(BACKORDER_LIST).strip();
    Optional<String> resolved = settings.find(RESOLVED_LIST).map(String::strip);
    if (resolved.isPresent() && resolved.get().equals(backorder)) {
      throw new InvalidSettingsException(RESOLVED_LIST, "must be another list than " + BACKORDER_LIST);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(settings.get(SKU_PATTERN).strip());
    } catch (PatternSyntaxException e) {
      throw new InvalidSettingsException(SKU_PATTERN, "is not a regular expression: " + e.getDescription());
    }
    return new TrelloSourceSettings(settings.get(APP_SECRET).strip(), settings.get(CALLBACK_URL).strip(), backorder,
        resolved, pattern, skuField(settings), settings.find(GATEWAY_MEMBER_ID).map(String::strip));
  }

  private static Optional<SkuField> skuField(ConnectorSettings settings) {
    Optional<String> field = settings.find(SKU_CUSTOM_FIELD).map(String::strip);
    if (field.isEmpty()) {
      return Optional.empty();
    }
    for (String needed : List.of(TrelloSettings.API_KEY, TrelloSettings.TOKEN)) {
      if (settings.find(needed).isEmpty()) {
        throw new InvalidSettingsException(needed, "required with " + SKU_CUSTOM_FIELD
            + ": the custom field is not in Trello's webhook, so the source reads it with an API key and token");
      }
    }
    return Optional.of(new SkuField(field.get(), settings.getUrl(TrelloSettings.BASE_URL),
        settings.get(TrelloSettings.API_KEY).strip(), settings.get(TrelloSettings.TOKEN).strip()));
  }

  @Override
  public String toString() {
    return "TrelloSourceSettings[app-secret=****, callback-url=" + callbackUrl + ", backorder-list=" + backorderList
        + ", resolved-list=" + resolvedList.orElse("") + ", sku-pattern=" + skuPattern.pattern()
        + ", sku-field=" + skuField.map(SkuField::toString).orElse("") + ", gateway-member-id="
        + gatewayMember.orElse("") + "]";
  }
}
