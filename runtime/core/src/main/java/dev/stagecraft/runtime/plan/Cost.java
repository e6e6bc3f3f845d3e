package dev.stagecraft.runtime.plan;

import java.util.Objects;

/** The predicted cost of a run: compute, stored artifacts and data moved between pods. */
public record Cost(double compute, double storage, double network, double total, String currency) {
  public Cost {
    Objects.requireNonNull(currency, "currency");
  }
}
