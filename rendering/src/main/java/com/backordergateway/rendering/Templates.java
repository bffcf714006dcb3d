package com.backordergateway.rendering;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of one connector type, in layers: operator overrides first, then the ones its
 * plugin ships, then the gateway's defaults. Every file is compiled and rendered against a
 * sample when the set is built, so a broken template fails early with its file and line, not
 * at the first delivery. See {@link TemplateNames} for how a file is chosen.
 */
public final class Templates {

  private record Layer(TemplateSource source, Map<String, Mustache> compiled) {}

  /** A template chosen for some facts: where it is and the language it is written in. */
  public record Choice(String file, Locale language) {}

  /** Which file each trigger, template name and locale get: the layers never change once built. */
  private record Lookup(String trigger, String name, Locale locale) {}

  /** Locales come from customers; past this many distinct lookups they are searched each time. */
  private static final int REMEMBERED = 4096;

  private final List<Layer> layers;
  private final Map<Lookup, Optional<Found>> chosen = new ConcurrentHashMap<>();

  private Templates(List<Layer> layers) {
    this.layers = layers;
  }

  /**
   * Compiles and checks every file of every source, most specific source first.
   *
   * @throws TemplateException listing every problem found
   */
  public static Templates of(List<TemplateSource> sources) {
    List<String> problems = new ArrayList<>();
    List<Layer> layers = new ArrayList<>();
    for (TemplateSource source : sources) {
      Map<String, Mustache> compiled = new HashMap<>();
      for (String path : source.paths()) {
        String file = source.label() + "/" + path;
        TemplateNames.Parsed parsed = TemplateNames.parse(path);
        if (!TemplateNames.ALL_NAMES.contains(parsed.name())) {
          problems.add(file + ": not a template name; use one of " + TemplateNames.CUSTOMER_NAMES + " (customers) or "
              + TemplateNames.STAFF_NAMES + " (staff)");
          continue;
        }
        StrictMustache.Compiled result = StrictMustache.compile(file, source.text(path).orElseThrow(),
            TemplateNames.isCustomerName(parsed.name()));
        problems.addAll(result.problems());
        if (result.mustache() != null) {
          problems.addAll(renderSamples(file, parsed, result.mustache()));
          compiled.put(path, result.mustache());
        }
      }
      layers.add(new Layer(source, compiled));
    }
    if (!problems.isEmpty()) {
      throw new TemplateException(problems);
    }
    return new Templates(layers);
  }

  private static List<String> renderSamples(String file, TemplateNames.Parsed parsed, Mustache mustache) {
    List<String> triggers = parsed.trigger() == null ? TemplateNames.TRIGGERS : List.of(parsed.trigger());
    List<String> problems = new ArrayList<>();
    for (String trigger : triggers) {
      try {
        render(mustache, TemplateFacts.sample(trigger, parsed.name()), Locale.US);
      } catch (RuntimeException e) {
        problems.add(file + ": cannot render the sample: " + e.getMessage());
      }
    }
    return problems;
  }

  /** The most specific template for the notification, if any layer has one. */
  public Optional<RenderedMessage> render(TemplateFacts facts) {
    return find(facts).map(found -> RenderedMessage.parse(render(found.mustache(), facts, dateLocale(found, facts))));
  }

  /** Which file would render these facts, and in which language. */
  public Optional<Choice> choose(TemplateFacts facts) {
    return find(facts).map(found -> new Choice(found.layer().source().label() + "/" + found.candidate().path(),
        language(found)));
  }

  /** Which file would render template {@code name} for a recipient in {@code locale}, for diagnostics. */
  public Optional<String> sourceOf(String trigger, String name, Locale locale) {
    return choose(TemplateFacts.sample(trigger, name).withLocale(locale)).map(Choice::file);
  }

  private record Found(Layer layer, TemplateNames.Candidate candidate, Mustache mustache) {}

  /**
   * The recipient's language first, across the layers (an operator's or plugin's {@code fr}
   * beats the built-in {@code fr-CA}: the same language, from a more specific layer), the exact
   * tag before the bare language within a layer; then the untagged files, layer by layer.
   */
  private Optional<Found> find(TemplateFacts facts) {
    Lookup lookup = new Lookup(facts.trigger(), facts.templateName(), facts.locale());
    Optional<Found> found = chosen.get(lookup);
    if (found == null) {
      found = search(facts);
      if (chosen.size() < REMEMBERED) {
        chosen.put(lookup, found);
      }
    }
    return found;
  }

  private Optional<Found> search(TemplateFacts facts) {
    List<TemplateNames.Candidate> all = TemplateNames.candidates(facts.trigger(), facts.templateName(), facts.locale());
    List<List<TemplateNames.Candidate>> groups = List.of(
        all.stream().filter(c -> !c.localeTag().isEmpty()).toList(),
        all.stream().filter(c -> c.localeTag().isEmpty()).toList());
    for (List<TemplateNames.Candidate> group : groups) {
      for (Layer layer : layers) {
        for (TemplateNames.Candidate candidate : group) {
          Mustache mustache = layer.compiled().get(candidate.path());
          if (mustache != null) {
            return Optional.of(new Found(layer, candidate, mustache));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Locale language(Found found) {
    String tag = found.candidate().localeTag();
    return tag.isEmpty() ? found.layer().source().language() : Locale.forLanguageTag(tag);
  }

  /**
   * Dates in the template's language: the recipient's own locale when it speaks that language
   * (fr-CA on a French template writes "14 avril 2026" the Canadian way), else the template's.
   */
  private static Locale dateLocale(Found found, TemplateFacts facts) {
    Locale language = language(found);
    return language.getLanguage().equals(facts.locale().getLanguage()) ? facts.locale() : language;
  }

  private static String render(Mustache mustache, TemplateFacts facts, Locale dateLocale) {
    StringWriter out = new StringWriter();
    mustache.execute(out, TemplateVariables.of(facts, dateLocale));
    return out.toString();
  }
}
