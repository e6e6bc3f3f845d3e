package dev.stagecraft.runtime.store.history;

import java.util.Optional;

/**
 * An instance name split into its stage and fan-out index: {@code train[1]} is stage {@code train},
 * index 1.
 */
record InstanceName(String stage, Optional<Integer> index) {
  static InstanceName parse(String instance) {
    int open = instance.lastIndexOf('[');
    if (open > 0 && instance.endsWith("]")) {
      String digits = instance.substring(open + 1, instance.length() - 1);
      if (!digits.isEmpty()
          && digits.chars().allMatch(Character::isDigit)
          && digits.length() < 10) {
        return new InstanceName(instance.substring(0, open), Optional.of(Integer.parseInt(digits)));
      }
    }
    return new InstanceName(instance, Optional.empty());
  }
}
