package com.backordergateway.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where templates live, relative to a template root: {@code <trigger>/<purpose>.mustache}, with
 * locale variants such as {@code stock-depleted/customer-notice.fr-CA.mustache}, and
 * {@code <purpose>.mustache} at the root for every trigger. The most specific file wins.
 */
public final class TemplateNames {

  public static final List<String> TRIGGERS =
      List.of("stock-depleted", "marked-unavailable", "supplier-delayed", "platform-backorder");
  public static final List<String> PURPOSES =
      List.of("customer-notice", "staff-alert", "eta-correction", "resolution");
  static final String SUFFIX = ".mustache";

  private TemplateNames() {}

  /** Candidate paths, most specific first. */
  public static List<String> candidates(String trigger, String purpose, Locale locale) {
    List<String> localeTags = new ArrayList<>();
    if (!locale.toLanguageTag().equals("und")) {
      localeTags.add(locale.toLanguageTag());
      if (!locale.getCountry().isEmpty()) {
        localeTags.add(locale.getLanguage());
      }
    }
    List<String> names = new ArrayList<>();
    for (String prefix : List.of(trigger + "/", "")) {
      for (String tag : localeTags) {
        names.add(prefix + purpose + "." + tag + SUFFIX);
      }
      names.add(prefix + purpose + SUFFIX);
    }
    return names;
  }

  /** The trigger and purpose a template path is for ({@code null} trigger: every trigger). */
  record Parsed(String trigger, String purpose) {}

  static Parsed parse(String path) {
    String name = path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
    int slash = name.indexOf('/');
    String trigger = slash < 0 ? null : name.substring(0, slash);
    String file = slash < 0 ? name : name.substring(slash + 1);
    int dot = file.indexOf('.');
    return new Parsed(trigger, dot < 0 ? file : file.substring(0, dot));
  }
}
