/** Reads {@code @Pipeline} classes into an immutable model; checks and prints nothing. */
package dev.stagecraft.processor.parse;
