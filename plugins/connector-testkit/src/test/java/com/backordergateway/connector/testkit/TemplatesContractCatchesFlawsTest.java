package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs {@link TemplatesContract} on template folders with known flaws and checks that it fails
 * where it should, with a message that shows the flaw.
 */
class TemplatesContractCatchesFlawsTest {

  private static final Path FOLDERS = Path.of("src/test/resources/templates-contract");

  @Test
  void soundWordingPassesEveryCheck() {
    Events tests = run(Sound.class);
    assertThat(tests.failed().count()).as(String.valueOf(messages(tests))).isZero();
    assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(4 * 3 + 4);
  }

  @Test
  void aGreetingWithoutItsGuardFailsWhenTheNameIsUnknown() {
    List<String> messages = messages(run(BlankName.class));
    assertThat(messages).isNotEmpty().allMatch(m -> m.contains("(sparse)") && m.contains("Hi ,"));
  }

  @Test
  void aMissingTranslationFails() {
    List<String> messages = messages(run(Untranslated.class));
    assertThat(messages).isNotEmpty().anyMatch(m -> m.contains("for a es customer"));
  }

  @Test
  void englishLeftInATranslationFails() {
    List<String> messages = messages(run(EnglishInFrench.class));
    assertThat(messages).hasSize(4).allMatch(m -> m.contains("English left in the fr wording"));
  }

  @Test
  void aBodyOverThePlatformsLimitFails() {
    List<String> messages = messages(run(TooLongForThePlatform.class));
    assertThat(messages).isNotEmpty().allMatch(m -> m.contains("the platform's limit is 60"));
  }

  @Test
  void flawsAreNamed() {
    assertThat(TemplatesContract.flawsOf("Hi Maya, your order ORD-1 is late.")).isEmpty();
    assertThat(TemplatesContract.flawsOf("Hi , your order  is late (): null")).hasSize(4)
        .anyMatch(flaw -> flaw.startsWith("a space before a comma")).anyMatch(flaw -> flaw.startsWith("a double space"))
        .anyMatch(flaw -> flaw.startsWith("empty parentheses")).anyMatch(flaw -> flaw.endsWith("rendered as null"));
    assertThat(TemplatesContract.flawsOf("Expected back:")).containsExactly("a dangling colon at the end");
  }

  private static Events run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
  }

  private static List<String> messages(Events tests) {
    return tests.failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().map(Throwable::getMessage).orElse(""))
        .toList();
  }

  static class Sound extends TemplatesContract {
    @Override
    protected Path templatesFolder() {
      return FOLDERS.resolve("sound");
    }
  }

  static class BlankName extends TemplatesContract {
    @Override
    protected Path templatesFolder() {
      return FOLDERS.resolve("blank-name");
    }
  }

  static class Untranslated extends TemplatesContract {
    @Override
    protected Path templatesFolder() {
      return FOLDERS.resolve("untranslated");
    }
  }

  static class EnglishInFrench extends TemplatesContract {
    @Override
    protected Path templatesFolder() {
      return FOLDERS.resolve("english-in-french");
    }
  }

  static class TooLongForThePlatform extends TemplatesContract {
    @Override
    protected Path templatesFolder() {
      return FOLDERS.resolve("sound");
    }

    @Override
    protected OptionalInt maxBodyLength() {
      return OptionalInt.of(60);
    }
  }
}
