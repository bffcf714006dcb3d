package com.backordergateway.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML config: resolves {@code ${env:NAME}} and {@code ${file:PATH}} references,
 * binds kebab-case keys onto {@link GatewayConfig}, and validates it.
 *
 * <p>Every value that came from a reference, and every value under a secret-looking key, is
 * registered with {@link Secrets} so that it is masked wherever it could be printed.
 */
public final class ConfigLoader {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

  private final Function<String, String> environment;
  private final Secrets secrets;
  private final ObjectMapper mapper;

  public ConfigLoader(Function<String, String> environment, Secrets secrets) {
    this.environment = environment;
    this.secrets = secrets;
    SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new DurationText());
    this.mapper =
        JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addModule(durations)
            .build();
  }

  /** Loads and validates the file, or throws {@link ConfigException} listing every problem. */
  public GatewayConfig load(Path file) {
    JsonNode tree;
    try {
      tree = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      tree = mapper.createObjectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException(List.of("(root): must be a mapping of keys"));
    }
    List<String> problems = new ArrayList<>();
    resolveReferences(tree, "", false, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    GatewayConfig config;
    try {
      config = mapper.treeToValue(tree, GatewayConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(List.of(describe(e)));
    } catch (IOException e) {
      throw new ConfigException(List.of("(root): " + e.getClass().getSimpleName()));
    }
    new ConfigValidator(config).validate(problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private void resolveReferences(JsonNode node, String path, boolean secretKey, List<String> problems) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      fields.forEachRemaining(entries::add);
      for (Map.Entry<String, JsonNode> entry : entries) {
        String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
        JsonNode child = entry.getValue();
        // Secret-looking keys mark their own scalar values, not whole sections (`tokens:`).
        boolean secret = Secrets.isSecretKey(entry.getKey());
        if (child.isTextual()) {
          object.set(entry.getKey(), resolveText(child.asText(), childPath, secret, problems));
        } else {
          resolveReferences(child, childPath, secret && child.isArray(), problems);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String childPath = path + "[" + i + "]";
        JsonNode child = array.get(i);
        if (child.isTextual()) {
          array.set(i, resolveText(child.asText(), childPath, secretKey, problems));
        } else {
          resolveReferences(child, childPath, secretKey, problems);
        }
      }
    }
  }

  private TextNode resolveText(String text, String path, boolean secretKey, List<String> problems) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean referenced = false;
    while (m.find()) {
      referenced = true;
      String value = lookUp(m.group(1), m.group(2).trim(), path, problems);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    String resolved = out.toString();
    if (referenced || secretKey) {
      secrets.register(resolved);
    }
    return TextNode.valueOf(resolved);
  }

  private String lookUp(String kind, String name, String path, List<String> problems) {
    if (kind.equals("env")) {
      String value = environment.apply(name);
      if (value == null) {
        problems.add(path + ": environment variable " + name + " is not set");
      }
      return value;
    }
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      problems.add(path + ": cannot read file " + name);
      return null;
    }
  }

  /** Names the key path of a binding error without echoing the offending value. */
  private static String describe(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String where = path.length() == 0 ? "(root)" : path.toString();
    if (e instanceof UnrecognizedPropertyException) {
      return where + ": unknown key";
    }
    if (e.getCause() instanceof IllegalArgumentException accepted && accepted.getMessage() != null
        && accepted.getMessage().startsWith("must be")) {
      return where + ": " + accepted.getMessage();
    }
    if (e.getCause() instanceof IllegalArgumentException
        || e.getCause() instanceof java.time.format.DateTimeParseException) {
      return where + ": invalid value (" + e.getCause().getClass().getSimpleName() + ")";
    }
    String message = e.getOriginalMessage();
    if (message != null && message.contains("not one of the values accepted")) {
      int start = message.indexOf('[');
      return where + ": must be one of " + (start >= 0 ? message.substring(start) : "the listed values");
    }
    return where + ": invalid value";
  }

  /** Accepts {@code 48h}-style and ISO-8601 durations. */
  private static final class DurationText extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      try {
        return Durations.parse(parser.getValueAsString());
      } catch (RuntimeException e) {
        throw JsonMappingException.from(parser, "duration", new IllegalArgumentException(
            "must be a duration such as 48h, 30m, 90s, 500ms or 2d, or ISO-8601 such as PT48H"));
      }
    }
  }
}
