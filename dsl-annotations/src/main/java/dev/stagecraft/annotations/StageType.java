package dev.stagecraft.annotations;

/**
 * What kind of work a stage does; used for display, reports and planning.
 *
 * <pre>{@code
 * @Stage(type = StageType.PREPROCESSING)
 * }</pre>
 */
public enum StageType {
  GENERIC,
  INGESTION,
  PREPROCESSING,
  FEATURE_ENGINEERING,
  TRAINING,
  EVALUATION,
  VALIDATION,
  INFERENCE,
  DEPLOYMENT
}
