package com.backordergateway.plugins.trello;

import java.util.Objects;
import java.util.Optional;

/**
 * A card Trello just created: its id, which is the delivery's reference, and its short link,
 * which a replacement's note gives so staff can open the new card straight away.
 *
 * @param id the card's 24-hex-digit id
 * @param shortUrl {@code https://trello.com/c/<shortLink>}, when Trello's answer had one
 */
record CreatedCard(String id, Optional<String> shortUrl) {

  CreatedCard {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(shortUrl, "shortUrl is null");
  }

  /** "card 65f1…, https://trello.com/c/AbC12345" for notes and log lines. */
  String describe() {
    return "card " + id + shortUrl.map(url -> " (" + url + ")").orElse("");
  }
}
