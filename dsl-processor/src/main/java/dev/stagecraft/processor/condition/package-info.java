/**
 * Compiling {@code @When} conditions into Java: the shared checker of {@link
 * dev.stagecraft.annotations.condition.Conditions} resolves names and types over javac's types
 * ({@link dev.stagecraft.processor.condition.JavacTypeModel}), and {@link
 * dev.stagecraft.processor.condition.CodeGenerator} writes the checked tree as a Java expression
 * over a {@code ConditionScope}. {@link dev.stagecraft.processor.condition.ConditionCompiler} runs
 * the chain.
 */
package dev.stagecraft.processor.condition;
