package dev.stagecraft.runtime.plan;

import java.util.Locale;

/** What a submission needing more than its tenant's quota gets. */
public enum QuotaPolicy {
  /** Refused with the numbers (HTTP 403). */
  REJECT,
  /** Every stage scaled down by quota / total requirement, said in the plan's changes. */
  SCALE_DOWN,
  /** Accepted and started when the quota allows. */
  QUEUE;

  /** The spelling in the file: {@code reject}, {@code scale_down}, {@code queue}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
