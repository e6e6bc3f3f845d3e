/**
 * Training components on Tribuo: a Tablesaw-to-Tribuo adapter ({@link
 * dev.stagecraft.runtime.components.train.TableDatasets}), the model types and their
 * hyperparameters ({@link dev.stagecraft.runtime.components.train.ModelType}), a seeded random or
 * grid search with stratified k-fold cross-validation ({@link
 * dev.stagecraft.runtime.components.train.HyperparameterSearch}), scikit-learn-compatible metrics
 * ({@link dev.stagecraft.runtime.components.train.ClassificationMetrics}) and the result, {@link
 * dev.stagecraft.runtime.components.train.TrainedModel}, whose model is written in Tribuo's own
 * format ({@link dev.stagecraft.runtime.components.train.TribuoModels}).
 */
package dev.stagecraft.runtime.components.train;
