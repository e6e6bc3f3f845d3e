/**
 * The Stagecraft annotation processor. For each {@code @Pipeline} class it runs three apart phases:
 * {@link dev.stagecraft.processor.parse} reads the class into an immutable model (keeping elements
 * for error locations), {@link dev.stagecraft.processor.validation} runs small named checks that
 * each return a report (all errors are printed, ids from {@link
 * dev.stagecraft.processor.diagnostics.Diagnostic}), and only a clean model reaches {@link
 * dev.stagecraft.processor.writing}.
 *
 * <p>Naming scheme of generated code: {@code Stagecraft} followed by the pipeline's simple name,
 * enclosing classes joined with {@code _} ({@code Outer.Inner} gives {@code
 * StagecraftOuter_Inner}), in the pipeline's package. Every generated class is listed in {@code
 * META-INF/services/dev.stagecraft.runtime.graph.PipelineProvider}.
 */
package dev.stagecraft.processor;
