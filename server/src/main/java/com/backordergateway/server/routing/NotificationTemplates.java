package com.backordergateway.server.routing;

import com.backordergateway.rendering.DefaultTemplates;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import com.backordergateway.server.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of every connector type: the operator's overrides in
 * {@code <templates-dir>/<type>/}, the templates the type's plugin ships, and the gateway's
 * defaults, in that order. Everything is checked when it is loaded: overrides at start-up
 * (a problem stops start-up), a plugin's templates when the plugin loads (a problem refuses it).
 */
@Singleton
public final class NotificationTemplates {

  private final Path overridesDir;
  private final Locale storeLanguage;
  private final TemplateSource defaults = DefaultTemplates.source();
  private final Map<String, TemplateSource> overrides = new ConcurrentHashMap<>();
  private final Map<String, Templates> byType = new ConcurrentHashMap<>();

  /** @throws com.backordergateway.rendering.TemplateException naming every broken file and line */
  @Inject
  public NotificationTemplates(GatewayConfig config) {
    this.overridesDir = Path.of(config.templatesDir());
    this.storeLanguage = Locale.forLanguageTag(config.triggers().defaultLocale());
    for (GatewayConfig.Connector connector : config.connectors()) {
      String type = connector.type();
      overrides.computeIfAbsent(type, this::overridesOf);
      byType.computeIfAbsent(type, t -> Templates.of(List.of(overrides.get(t), defaults)));
    }
  }

  /**
   * Adds a plugin's own templates under the overrides.
   *
   * @throws com.backordergateway.rendering.TemplateException if any of them is broken
   */
  public void pluginLoaded(String type, TemplateSource pluginTemplates) {
    TemplateSource own = overrides.computeIfAbsent(type, this::overridesOf);
    byType.put(type, Templates.of(List.of(own, pluginTemplates, defaults)));
  }

  /** Back to overrides and defaults while the type's plugin is away. */
  public void pluginUnloaded(String type) {
    TemplateSource own = overrides.computeIfAbsent(type, this::overridesOf);
    byType.put(type, Templates.of(List.of(own, defaults)));
  }

  /** An operator's untagged overrides are written in the store's own language. */
  private TemplateSource overridesOf(String type) {
    return TemplateSource.folder(overridesDir.resolve(type)).writtenIn(storeLanguage);
  }

  /** Renders with the most specific template; the defaults cover every purpose. */
  public RenderedMessage render(String type, TemplateFacts facts) {
    Templates templates = byType.computeIfAbsent(type, t -> Templates.of(List.of(defaults)));
    return templates.render(facts).orElseThrow(() -> new IllegalStateException(
        "no template for " + facts.trigger() + "/" + facts.templateName()));
  }
}
