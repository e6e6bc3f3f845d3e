package dev.stagecraft.runtime.graph;

import java.util.List;

/** Where the items of a {@code @ForEach} stage come from: one instance runs per item. */
public sealed interface FanOut {
  /** Literal items, known when the pipeline is built. */
  record Items(List<?> items) implements FanOut {
    public Items {
      items = List.copyOf(items);
    }
  }

  /** The elements of a {@code List} parameter. */
  record FromParam(String param) implements FanOut {}

  /** The elements of an upstream stage's {@code List} output, known only at run time. */
  record FromInput(String stage) implements FanOut {}
}
