package dev.stagecraft.runtime.config.tenants;

import java.util.OptionalLong;

/** Resources given to a stage that did not write its own. */
public record ResourceDefaults(OptionalLong cpuMillis, OptionalLong memoryBytes) {
  /** No defaults. */
  public static final ResourceDefaults NONE =
      new ResourceDefaults(OptionalLong.empty(), OptionalLong.empty());
}
