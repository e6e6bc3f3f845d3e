package dev.stagecraft.runtime.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration file users write (a template, a profile) as a tree of mappings, sequences and
 * scalars, each knowing its line and its key path ({@code environments.production.params.nTrials}),
 * so every problem found in it can say where it is. The reader of the file format builds it; the
 * checks of this package read it.
 */
public sealed interface ConfigTree {

  /** The 1-based line the node starts on. */
  int line();

  /** Where the node is: its keys from the root joined by dots, list positions as {@code [i]}. */
  String key();

  /** What the node is, for messages: {@code a mapping}, {@code a list}, {@code a value}. */
  String describe();

  /**
   * A scalar: its text as written (numbers, booleans and strings alike), empty for a YAML null.
   *
   * @param isNull whether the value was null ({@code key:} with nothing after it, or {@code ~})
   */
  record Scalar(String text, boolean isNull, int line, String key) implements ConfigTree {
    public Scalar {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return isNull ? "empty" : "the value '" + text + "'";
    }
  }

  /** A mapping, its entries in file order (duplicates kept, for the checks to report). */
  record Mapping(List<Entry> entries, int line, String key) implements ConfigTree {
    public Mapping {
      entries = List.copyOf(entries);
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return "a mapping";
    }

    /** The first entry named {@code name}, if any. */
    public Optional<ConfigTree> get(String name) {
      for (Entry e : entries) {
        if (e.name().equals(name)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }

    /** The entry names, in file order. */
    public List<String> names() {
      List<String> names = new ArrayList<>();
      entries.forEach(e -> names.add(e.name()));
      return names;
    }
  }

  /** A sequence, its items in order. */
  record Sequence(List<ConfigTree> items, int line, String key) implements ConfigTree {
    public Sequence {
      items = List.copyOf(items);
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** One entry of a mapping: its name, the line of the name, and the value. */
  record Entry(String name, int line, ConfigTree value) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The key path of {@code name} inside {@code parent} ({@code a.b}, or {@code b} at the root). */
  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
