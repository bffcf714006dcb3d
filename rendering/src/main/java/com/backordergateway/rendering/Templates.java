package com.backordergateway.rendering;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The templates of one connector type, in layers: operator overrides first, then the ones its
 * plugin ships, then the gateway's defaults. Every file is compiled and rendered against a
 * sample when the set is built, so a broken template fails early with its file and line, not
 * at the first delivery.
 */
public final class Templates {

  private record Layer(TemplateSource source, Map<String, Mustache> compiled) {}

  private final List<Layer> layers;

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
        StrictMustache.Compiled result = StrictMustache.compile(file, source.text(path).orElseThrow());
        problems.addAll(result.problems());
        if (result.mustache() != null) {
          problems.addAll(renderSamples(file, path, result.mustache()));
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

  private static List<String> renderSamples(String file, String path, Mustache mustache) {
    TemplateNames.Parsed parsed = TemplateNames.parse(path);
    List<String> triggers = parsed.trigger() == null ? TemplateNames.TRIGGERS : List.of(parsed.trigger());
    List<String> problems = new ArrayList<>();
    for (String trigger : triggers) {
      try {
        render(mustache, TemplateFacts.sample(trigger, parsed.purpose()));
      } catch (RuntimeException e) {
        problems.add(file + ": cannot render the sample: " + e.getMessage());
      }
    }
    return problems;
  }

  /** The most specific template for the notification, if any layer has one. */
  public Optional<RenderedMessage> render(TemplateFacts facts) {
    for (String candidate : TemplateNames.candidates(facts.trigger(), facts.purpose(), facts.locale())) {
      for (Layer layer : layers) {
        Mustache mustache = layer.compiled().get(candidate);
        if (mustache != null) {
          return Optional.of(RenderedMessage.parse(render(mustache, facts)));
        }
      }
    }
    return Optional.empty();
  }

  /** Which file would render these facts, for diagnostics. */
  public Optional<String> sourceOf(String trigger, String purpose, Locale locale) {
    for (String candidate : TemplateNames.candidates(trigger, purpose, locale)) {
      for (Layer layer : layers) {
        if (layer.compiled().containsKey(candidate)) {
          return Optional.of(layer.source().label() + "/" + candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static String render(Mustache mustache, TemplateFacts facts) {
    StringWriter out = new StringWriter();
    mustache.execute(out, TemplateVariables.of(facts));
    return out.toString();
  }
}
