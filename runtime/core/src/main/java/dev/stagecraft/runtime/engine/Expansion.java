package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;

/** Evaluates a fan-out stage's condition and items, then adds one execution per item. */
final class Expansion extends Task {
  private static final ResourceRequest NOTHING = new ResourceRequest(0, 0, 0);

  Expansion(StageRun stage) {
    super(stage, -1);
  }

  @Override
  ResourceRequest resources() {
    return NOTHING;
  }
}
