/**
 * The {@code @When} condition language: {@link dev.stagecraft.processor.condition.Lexer} and {@link
 * dev.stagecraft.processor.condition.Parser} turn the text into an {@link
 * dev.stagecraft.processor.condition.Expr} tree, {@link
 * dev.stagecraft.processor.condition.TypeChecker} resolves names and types against the pipeline
 * into a {@link dev.stagecraft.processor.condition.Bound} tree, and {@link
 * dev.stagecraft.processor.condition.CodeGenerator} writes it as a Java expression over a {@code
 * ConditionScope}. {@link dev.stagecraft.processor.condition.ConditionCompiler} runs the chain.
 */
package dev.stagecraft.processor.condition;
