package dev.stagecraft.processor.validation;

import dev.stagecraft.processor.diagnostics.Report;

/** One named check of a pipeline; it records every problem it finds and never throws. */
public interface PipelineValidator {
  /** Checks the pipeline. */
  Report validate(PipelineGraph graph);
}
