package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Trigger;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /dashboard/cases}: the backorder cases, open ones first by default, with filters, search and paging. */
@Singleton
final class CasesPage {

  record Option(String value, String label, boolean selected) {}

  record Row(String id, String href, String sku, String category, String trigger, String status, String openedAt,
      String age, String eta, String expected, String supplier, int orders, int sent, int waiting, int failed,
      List<CaseQueries.ChannelCount> channels) {
    public boolean hasChannels() {
      return !channels.isEmpty();
    }
  }

  private final CaseQueries queries;
  private final DashboardText text;
  private final DashboardViews views;

  @Inject
  CasesPage(CaseQueries queries, DashboardText text, DashboardViews views) {
    this.queries = queries;
    this.text = text;
    this.views = views;
  }

  void show(Context ctx) {
    CaseQueries.Filter filter;
    try {
      filter = filter(ctx);
    } catch (IllegalArgumentException e) {
      views.error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    CaseQueries.Result result = queries.list(filter);
    Map<String, Object> model = new HashMap<>();
    model.put("rows", result.cases().stream().map(this::row).toList());
    model.put("total", result.total());
    model.put("none", result.total() == 0);
    model.put("statuses", options(Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.UNRECOGNIZED).toList(),
        filter.status(), "any status"));
    model.put("triggers", options(Arrays.stream(Trigger.values()).filter(t -> t != Trigger.UNRECOGNIZED).toList(),
        filter.trigger(), "any trigger"));
    model.put("suppliers", queries.suppliers().stream().map(s -> new Option(s, s, s.equals(filter.supplier()))).toList());
    model.put("sku", filter.sku());
    model.put("search", filter.search());
    model.put("from", ctx.queryParam("from") == null ? "" : ctx.queryParam("from"));
    model.put("to", ctx.queryParam("to") == null ? "" : ctx.queryParam("to"));
    Pager.add(model, ctx, filter.page(), result.total(), CaseQueries.PAGE_SIZE, "/dashboard/cases");
    views.page(ctx, "cases", "Backorder cases", model);
  }

  private Row row(CaseQueries.Summary s) {
    BackorderCase c = s.backorder();
    int sent = 0;
    int waiting = 0;
    int failed = 0;
    for (CaseQueries.ChannelCount n : s.channels()) {
      sent += n.sent();
      waiting += n.waiting();
      failed += n.failed();
    }
    Instant opened = Instant.ofEpochSecond(c.getOpenedAt().getSeconds());
    return new Row(c.getId(), "/dashboard/cases/" + Pager.encode(c.getId()), c.getSku(),
        c.getCategory(), DashboardText.label(c.getOpenedBy()), DashboardText.label(c.getStatus()), text.time(opened),
        text.age(opened), c.hasEta() ? text.day(c.getEta()) : "", s.expected() == null ? "" : text.time(s.expected().expectedAt()),
        s.expected() == null ? "" : s.expected().supplier(), s.orders(), sent, waiting, failed, s.channels());
  }

  /** The filter from the query string; open cases unless another status is asked for. */
  private CaseQueries.Filter filter(Context ctx) {
    String status = param(ctx, "status", "CASE_STATUS_OPEN");
    String trigger = param(ctx, "trigger", "TRIGGER_UNSPECIFIED");
    return new CaseQueries.Filter(
        enumValue(CaseStatus.class, status, "status"),
        enumValue(Trigger.class, trigger, "trigger"),
        param(ctx, "sku", "").strip(),
        param(ctx, "supplier", "").strip(),
        date(ctx, "from", 0),
        date(ctx, "to", 1),
        param(ctx, "q", "").strip(),
        Pager.page(ctx));
  }

  private static String param(Context ctx, String name, String otherwise) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? otherwise : value;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    try {
      E e = Enum.valueOf(type, value);
      if (!e.name().equals("UNRECOGNIZED")) {
        return e;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new IllegalArgumentException("Unknown " + field + " '" + value + "'.");
  }

  /** A date (yyyy-mm-dd) in the store's zone; {@code plusDays} 1 makes "to" include its whole day. */
  private Instant date(Context ctx, String name, int plusDays) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(text.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be a date such as 2026-12-01.");
    }
  }

  private static <E extends Enum<E>> List<Option> options(List<E> values, E selected, String anyLabel) {
    Map<String, Option> options = new LinkedHashMap<>();
    for (E value : values) {
      boolean any = value.ordinal() == 0;
      options.put(value.name(), new Option(value.name(), any ? anyLabel : DashboardText.label(value), value == selected));
    }
    return List.copyOf(options.values());
  }
}
