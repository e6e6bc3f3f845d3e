/**
 * Training components on Tribuo: a Tablesaw-to-Tribuo adapter ({@link
 * dev.stagecraft.runtime.components.train.TableDatasets}), the model types and their
 * hyperparameters ({@link dev.stagecraft.runtime.components.train.ModelType}), a seeded random,
 * grid or TPE search with stratified k-fold cross-validation and optional median pruning over the
 * folds ({@link dev.stagecraft.runtime.components.train.HyperparameterSearch}, on the {@code
 * components.search} package), scikit-learn-compatible metrics ({@link
 * dev.stagecraft.runtime.components.train.ClassificationMetrics}) and the result, {@link
 * dev.stagecraft.runtime.components.train.TrainedModel}, whose model is written in Tribuo's own
 * format ({@link dev.stagecraft.runtime.components.train.TribuoModels}).
 */
package dev.stagecraft.runtime.components.train;
