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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML text into a {@link ConfigTree}, token by token through Jackson's YAML parser, so every
 * mapping, list and value keeps the line it is on and its key path. A syntax error is one problem
 * with its line.
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  /** Where SnakeYAML says a problem is: {@code in 'reader', line 4, column 4:}. */
  private static final Pattern MARK = Pattern.compile("line (\\d+), column \\d+");

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
          List.of(new ConfigProblem(file, syntaxLine(e), "", "YAML syntax: " + syntaxMessage(e))));
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

  /** The line of the problem: the last one SnakeYAML names, else where the parser stopped. */
  private static int syntaxLine(JsonProcessingException e) {
    Matcher m = MARK.matcher(String.valueOf(e.getOriginalMessage()));
    int line = -1;
    while (m.find()) {
      line = Integer.parseInt(m.group(1));
    }
    if (line > 0) {
      return line;
    }
    return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
  }

  /**
   * SnakeYAML's several lines (what it was parsing and what it found, each followed by where, the
   * text and a caret) as one line: {@code while parsing a block collection, expected <block end>,
   * but found '<block mapping start>'}.
   */
  private static String syntaxMessage(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    String[] lines = original.split("\\R");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      boolean placed = i + 1 < lines.length && lines[i + 1].strip().startsWith("in '");
      if (placed && !lines[i].isBlank()) {
        parts.add(lines[i].strip());
      }
    }
    return parts.isEmpty() ? lines[0].strip() : String.join(", ", parts);
  }
}
