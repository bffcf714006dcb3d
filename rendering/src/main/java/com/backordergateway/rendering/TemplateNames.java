package com.backordergateway.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where templates live, relative to a template root: {@code <trigger>/<name>.mustache}, with
 * locale variants such as {@code stock-depleted/customer-notice.fr-CA.mustache}, and
 * {@code <name>.mustache} at the root for every trigger.
 *
 * <p>The name follows the audience: customers read {@code customer-notice}, {@code
 * eta-correction} and {@code resolution}; staff read {@code staff-alert}, {@code
 * staff-eta-correction} and {@code staff-resolution}. A staff notice is never rendered from a
 * customer template (customer wording addressed to nobody reads "Hi ,").
 *
 * <p>Language comes first: for {@code fr-CA} the candidates are the {@code fr-CA} files (for the
 * trigger, then for every trigger), then the {@code fr} files, then the untagged ones, so a
 * French customer never gets English because an English file is more specific about the trigger.
 */
public final class TemplateNames {

  public static final List<String> TRIGGERS =
      List.of("stock-depleted", "marked-unavailable", "supplier-delayed", "platform-backorder");
  /** Purposes as the API names them (kebab-case). */
  public static final List<String> PURPOSES =
      List.of("customer-notice", "staff-alert", "eta-correction", "resolution");
  /** Template names customers read. */
  public static final List<String> CUSTOMER_NAMES = List.of("customer-notice", "eta-correction", "resolution");
  /** Template names staff read. */
  public static final List<String> STAFF_NAMES = List.of("staff-alert", "staff-eta-correction", "staff-resolution");
  static final Set<String> ALL_NAMES = Set.of("customer-notice", "eta-correction", "resolution", "staff-alert",
      "staff-eta-correction", "staff-resolution");
  static final String SUFFIX = ".mustache";

  private TemplateNames() {}

  /** The template name for a purpose and audience, e.g. resolution for staff → staff-resolution. */
  public static String of(String purpose, boolean staff) {
    if (staff && (purpose.equals("eta-correction") || purpose.equals("resolution"))) {
      return "staff-" + purpose;
    }
    return purpose;
  }

  /** Whether customers read templates of this name. */
  public static boolean isCustomerName(String name) {
    return CUSTOMER_NAMES.contains(name);
  }

  /** Candidate paths, most specific first; each with the locale tag it is written in ("" for untagged). */
  public static List<Candidate> candidates(String trigger, String name, Locale locale) {
    List<String> tags = new ArrayList<>();
    if (!locale.toLanguageTag().equals("und")) {
      tags.add(locale.toLanguageTag());
      if (!locale.getCountry().isEmpty() || !locale.getVariant().isEmpty() || !locale.getScript().isEmpty()) {
        tags.add(locale.getLanguage());
      }
    }
    tags.add("");
    List<Candidate> candidates = new ArrayList<>();
    for (String tag : tags) {
      String suffix = (tag.isEmpty() ? "" : "." + tag) + SUFFIX;
      candidates.add(new Candidate(trigger + "/" + name + suffix, tag));
      candidates.add(new Candidate(name + suffix, tag));
    }
    return candidates;
  }

  /** A path to look for, and the locale tag of what it holds ("" for the source's own language). */
  public record Candidate(String path, String localeTag) {}

  /** The trigger, name and locale a template path is for ({@code null} trigger: every trigger). */
  record Parsed(String trigger, String name, String localeTag) {}

  static Parsed parse(String path) {
    String bare = path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
    int slash = bare.indexOf('/');
    String trigger = slash < 0 ? null : bare.substring(0, slash);
    String file = slash < 0 ? bare : bare.substring(slash + 1);
    int dot = file.indexOf('.');
    return new Parsed(trigger, dot < 0 ? file : file.substring(0, dot), dot < 0 ? "" : file.substring(dot + 1));
  }
}
