/**
 * Hyperparameter search as ask and tell, in plain Java and usable outside pipelines: a {@link
 * dev.stagecraft.runtime.components.search.ParameterSpace} of {@link
 * dev.stagecraft.runtime.components.search.Parameter}s (integers, reals on a linear or log scale,
 * choices), a {@link dev.stagecraft.runtime.components.search.Study} that hands out {@link
 * dev.stagecraft.runtime.components.search.Trial}s and keeps {@link
 * dev.stagecraft.runtime.components.search.FinishedTrial}s, the {@link
 * dev.stagecraft.runtime.components.search.Sampler}s (random, grid, and the Tree-structured Parzen
 * Estimator {@link dev.stagecraft.runtime.components.search.TpeSampler}) and the {@link
 * dev.stagecraft.runtime.components.search.MedianPruner}. Every sampler is seeded; the study's
 * batches make the trials the same whatever the threads (see {@link
 * dev.stagecraft.runtime.components.search.Study}).
 */
package dev.stagecraft.runtime.components.search;
