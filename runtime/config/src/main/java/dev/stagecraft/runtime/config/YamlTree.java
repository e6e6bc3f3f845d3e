package dev.stagecraft.runtime.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stagecraft.runtime.plan.ConfigException;
import dev.stagecraft.runtime.plan.ConfigProblem;
import dev.stagecraft.runtime.plan.ConfigTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML text into a {@link ConfigTree}, token by token through Jackson's YAML parser, so every
 * mapping, list and value keeps the line it is on and its key path. A syntax error is one problem
 * with its line.
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final JsonParser parser;
  private final String file;

  private YamlTree(JsonParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  /**
   * The tree of the first document in {@code text}.
   *
   * @throws ConfigException for a syntax error or an empty document
   */
  static ConfigTree parse(String text, String file) {
    try (JsonParser parser = YAML.createParser(text)) {
      YamlTree reader = new YamlTree(parser, file);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ConfigException(List.of(new ConfigProblem(file, 1, "", "the file is empty")));
      }
      return reader.node(first, "");
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  file,
                  Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr()),
                  "",
                  "YAML syntax: " + syntaxMessage(e))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ConfigTree node(JsonToken token, String key) throws IOException {
    int line = line();
    switch (token) {
      case START_OBJECT:
        {
          List<ConfigTree.Entry> entries = new ArrayList<>();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
              throw new JsonParseException(parser, "expected a key but found " + t);
            }
            String name = parser.currentName();
            int nameLine = line();
            ConfigTree value = node(parser.nextToken(), ConfigTree.child(key, name));
            entries.add(new ConfigTree.Entry(name, nameLine, value));
          }
          return new ConfigTree.Mapping(entries, line, key);
        }
      case START_ARRAY:
        {
          List<ConfigTree> items = new ArrayList<>();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(t, key + "[" + items.size() + "]"));
          }
          return new ConfigTree.Sequence(items, line, key);
        }
      case VALUE_NULL:
        return new ConfigTree.Scalar("", true, line, key);
      default:
        if (token.isScalarValue()) {
          return new ConfigTree.Scalar(parser.getText(), false, line, key);
        }
        throw new JsonParseException(parser, "unexpected " + token + " in " + file);
    }
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  /** SnakeYAML's several lines (problem, context, a caret) as one line: what and near what. */
  private static String syntaxMessage(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    List<String> parts = new ArrayList<>();
    for (String line : original.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("^") || t.startsWith("in 'reader'") || t.startsWith("in '")) {
        continue;
      }
      parts.add(t);
    }
    return String.join(" ", parts).replaceAll("\\s+", " ");
  }
}
