/**
 * The {@code @When} condition language, shared by the annotation processor and the runtime: a lexer
 * and parser turn the text into an {@link dev.stagecraft.annotations.condition.Expr} tree, and a
 * type checker resolves its names and types through a {@link
 * dev.stagecraft.annotations.condition.TypeModel} into a {@link
 * dev.stagecraft.annotations.condition.Bound} tree. {@link
 * dev.stagecraft.annotations.condition.Conditions} runs the chain.
 */
package dev.stagecraft.annotations.condition;
