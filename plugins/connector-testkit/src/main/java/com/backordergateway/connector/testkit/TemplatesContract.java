package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every plugin's shipped wording must get right, for every trigger, template and shipped
 * language, with the sample facts and with every optional fact missing ({@link
 * TemplateFacts#sparse()}, and each resolution outcome): it compiles under the gateway's strict
 * rules (no unknown variables, no staff-only facts in customer wording), renders without a blank
 * placeholder ({@code Hi ,}, double spaces, {@code ()}, a dangling colon), stays within the
 * platform's length, ships in every language the plugin claims, is chosen for a customer in
 * that language (fr-CA → fr), and writes dates in that language.
 *
 * <p>A plugin's test extends it and says where its templates are; hooks add the platform's own
 * rules:
 *
 * <pre>{@code
 * class TwilioTemplatesTest extends TemplatesContract {
 *   @Override protected OptionalInt maxBodyLength() { return OptionalInt.of(SmsMessage.MAX_LENGTH); }
 *   @Test void stockDepletedSmsReadsWordForWord() { assertThat(render("stock-depleted", "customer-notice", "en")...); }
 * }
 * }</pre>
 */
public abstract class TemplatesContract {

  private static final List<String> OUTCOMES = List.of("", "restocked", "cancelled");

  /** Text that is never right in a rendered message, and what it usually means. */
  private static final List<String[]> FLAWS = List.of(
      new String[] {"{{", "an unrendered tag"},
      new String[] {"}}", "an unrendered tag"},
      new String[] {"  ", "a double space: a blank placeholder"},
      new String[] {" ,", "a space before a comma: a blank placeholder (Hi ,)"},
      new String[] {" .", "a space before a full stop: a blank placeholder"},
      new String[] {"()", "empty parentheses"},
      new String[] {"( ", "a blank at the start of parentheses"},
      new String[] {" )", "a blank at the end of parentheses"},
      new String[] {": .", "a dangling colon"},
      new String[] {":.", "a dangling colon"},
      new String[] {" \n", "a line ending in a space"},
      new String[] {"\n\n\n", "an empty paragraph"});

  private static final Pattern NULL_WORD = Pattern.compile("\\bnull\\b");

  private Templates templates;

  // ---- Hooks --------------------------------------------------------------------------------

  /** Where the plugin's templates are, relative to the module. */
  protected Path templatesFolder() {
    return Path.of("src/main/resources/templates");
  }

  /** The languages every shipped template is written in; the first is the untagged default. */
  protected List<String> languages() {
    return List.of("en", "fr", "es");
  }

  /** The platform's limit on a body (SMS segments, an event's string value), if it has one. */
  protected OptionalInt maxBodyLength() {
    return OptionalInt.empty();
  }

  /**
   * Whether French wording must put a no-break space before {@code : ; ! ?}. SMS templates turn
   * it off: a no-break space is not in the GSM-7 alphabet and would make every segment UCS-2.
   */
  protected boolean frenchTypography() {
    return true;
  }

  /** The platform's own rules for each message rendered from {@code facts} (SMS segments); none by default. */
  protected void checkRendered(TemplateFacts facts, RenderedMessage rendered) {}

  // ---- For the subclass's word-for-word tests ----------------------------------------------

  /** The shipped templates, compiled once under the gateway's strict rules. */
  protected final Templates templates() {
    if (templates == null) {
      templates = Templates.of(List.of(TemplateSource.folder(templatesFolder())));
    }
    return templates;
  }

  /** The sample facts for {@code trigger} and template {@code name}, rendered for a customer in {@code languageTag}. */
  protected final RenderedMessage render(String trigger, String name, String languageTag) {
    return render(TemplateFacts.sample(trigger, name).withLocale(Locale.forLanguageTag(languageTag)));
  }

  protected final RenderedMessage render(TemplateFacts facts) {
    return templates().render(facts).orElseThrow(
        () -> new AssertionError("no shipped template for " + facts.trigger() + "/" + facts.templateName()));
  }

  /** Every flaw of {@link #FLAWS} in {@code text}, described; empty when it reads right. */
  public static List<String> flawsOf(String text) {
    List<String> found = new ArrayList<>();
    for (String[] flaw : FLAWS) {
      int at = text.indexOf(flaw[0]);
      if (at >= 0) {
        int from = Math.max(0, at - 30);
        found.add(flaw[1] + " in \"…" + text.substring(from, Math.min(text.length(), at + 30)) + "…\"");
      }
    }
    if (text.strip().endsWith(":")) {
      found.add("a dangling colon at the end");
    }
    if (NULL_WORD.matcher(text).find()) {
      found.add("a missing value rendered as null");
    }
    return found;
  }

  // ---- The contract --------------------------------------------------------------------------

  @Test
  void theTemplatesCompileUnderTheGatewaysRules() {
    assertThat(templates()).isNotNull();
    assertThat(shipped()).as("templates shipped in " + templatesFolder()).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyTemplateReadsRightWithTheSampleAndWithEveryOptionalFactMissing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Shipped s : shipped()) {
      for (String language : languages()) {
        for (String outcome : outcomes(s.name())) {
          String label = s + " " + language + (outcome.isEmpty() ? "" : " " + outcome);
          tests.add(dynamicTest(label, () -> {
            TemplateFacts sample = TemplateFacts.sample(s.trigger(), s.name()).withLocale(Locale.forLanguageTag(language));
            // The sample keeps its own outcome when none is asked for; the sparse facts then have none at all.
            checkReadsRight(label, outcome.isEmpty() ? sample : sample.withResolution(outcome));
            checkReadsRight(label + " (sparse)", sample.sparse().withResolution(outcome));
          }));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyTemplateShipsInEveryLanguageAndIsChosenForThatLanguagesCustomers() {
    return shipped().stream().map(s -> dynamicTest(s.toString(), () -> {
      String english = file(s, Locale.forLanguageTag("de-DE"));
      assertThat(english).as("a customer in a language not shipped gets the default").doesNotMatch(".*\\.[a-z]{2}(-[A-Z]{2})?\\.mustache");
      for (String language : languages().subList(1, languages().size())) {
        for (String tag : List.of(language, language + "-" + regionOf(language))) {
          assertThat(file(s, Locale.forLanguageTag(tag))).as("%s for a %s customer", s, tag)
              .matches(".*\\.(" + language + "|" + tag + ")\\.mustache");
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> translationsAreInTheirLanguageWithDatesInIt() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Shipped s : shipped()) {
      RenderedMessage english = render(s.trigger(), s.name(), languages().get(0));
      for (String language : languages().subList(1, languages().size())) {
        tests.add(dynamicTest(s + " " + language, () -> {
          RenderedMessage translated = render(s.trigger(), s.name(), language);
          String text = translated.subject() + "\n" + translated.body();
          assertThat(text).as("English left in the %s wording", language)
              .doesNotContain("Hi ", "Hello", "Thank you", "your order", "April");
          assertThat(text.toLowerCase(Locale.ROOT)).as("English left in the %s wording", language)
              .doesNotContain("backorder");
          if (language.equals("fr") && frenchTypography()) {
            // French puts a space before : ; ! ? — a no-break one, so the sign never starts a line.
            assertThat(text).as("French punctuation after a plain space").doesNotContain(" :", " ;", " !", " ?");
          }
          if (!english.subject().isBlank()) {
            assertThat(translated.subject()).as("the %s wording has a subject like the default", language).isNotBlank();
          }
          if ((english.subject() + english.body()).contains("April 14, 2026")) {
            assertThat(text).as("the date in %s", language).contains(dateIn(language));
          }
        }));
      }
    }
    return tests.stream();
  }

  // ---- Internals -----------------------------------------------------------------------------

  /** A trigger and template name the plugin has wording for. */
  protected record Shipped(String trigger, String name) {
    @Override
    public String toString() {
      return trigger + "/" + name;
    }
  }

  /** Every trigger and template name the plugin ships wording for. */
  protected final List<Shipped> shipped() {
    List<Shipped> shipped = new ArrayList<>();
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String name : Stream.concat(TemplateNames.CUSTOMER_NAMES.stream(), TemplateNames.STAFF_NAMES.stream()).toList()) {
        if (templates().sourceOf(trigger, name, Locale.forLanguageTag(languages().get(0))).isPresent()) {
          shipped.add(new Shipped(trigger, name));
        }
      }
    }
    return shipped;
  }

  private void checkReadsRight(String label, TemplateFacts facts) {
    Optional<RenderedMessage> rendered = templates().render(facts);
    assertThat(rendered).as(label).isPresent();
    RenderedMessage message = rendered.get();
    assertThat(message.body()).as("%s body", label).isNotBlank();
    assertThat(flawsOf(message.subject())).as("%s subject: %s", label, message.subject()).isEmpty();
    assertThat(flawsOf(message.body())).as("%s body:%n%s", label, message.body()).isEmpty();
    assertThat(message.subject() + "\n" + message.body()).as("%s names the product", label).contains(facts.product());
    maxBodyLength().ifPresent(max -> assertThat(message.body().length())
        .as("%s body length (the platform's limit is %d):%n%s", label, max, message.body()).isLessThanOrEqualTo(max));
    checkRendered(facts, message);
  }

  private List<String> outcomes(String name) {
    return name.endsWith("resolution") ? OUTCOMES : List.of("");
  }

  private String file(Shipped s, Locale locale) {
    return templates().sourceOf(s.trigger(), s.name(), locale).orElseThrow();
  }

  private static String regionOf(String language) {
    return switch (language) {
      case "fr" -> "CA";
      case "es" -> "MX";
      case "de" -> "DE";
      default -> language.toUpperCase(Locale.ROOT);
    };
  }

  /** The sample's ETA (April 14, 2026) as the gateway writes it in {@code language}. */
  private static String dateIn(String language) {
    return switch (language) {
      case "fr" -> "14 avril 2026";
      case "es" -> "14 de abril de 2026";
      case "de" -> "14. April 2026";
      default -> "2026";
    };
  }
}
