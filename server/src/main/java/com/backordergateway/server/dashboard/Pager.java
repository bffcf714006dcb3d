package com.backordergateway.server.dashboard;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Page numbers in the query string, and the previous/next links that keep the other filters. */
final class Pager {

  private Pager() {}

  /** The {@code page} parameter, 1 when absent; anything but a positive number is refused. */
  static int page(Context ctx) {
    String value = ctx.queryParam("page");
    if (value == null || value.isEmpty()) {
      return 1;
    }
    try {
      int page = Integer.parseInt(value);
      if (page >= 1 && page <= 100_000) {
        return page;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("'page' must be a page number from 1.");
  }

  static void add(Map<String, Object> model, Context ctx, int page, int total, int size, String path) {
    int pages = Math.max(1, (total + size - 1) / size);
    model.put("page", page);
    model.put("pages", pages);
    model.put("previous", page > 1 ? link(ctx, path, page - 1) : null);
    model.put("next", page < pages ? link(ctx, path, page + 1) : null);
  }

  private static String link(Context ctx, String path, int page) {
    String others = ctx.queryParamMap().entrySet().stream()
        .filter(e -> !e.getKey().equals("page"))
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
    return path + "?" + (others.isEmpty() ? "" : others + "&") + "page=" + page;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
