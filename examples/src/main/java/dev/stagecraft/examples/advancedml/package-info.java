/**
 * The advanced ML pipeline, the main job ({@code ./stagecraft run advanced-ml}): {@link
 * dev.stagecraft.examples.advancedml.AdvancedMlPipeline} and its stage outputs, each of which
 * contributes lines to the run's summary ({@link dev.stagecraft.runtime.Summarizable}).
 */
package dev.stagecraft.examples.advancedml;
