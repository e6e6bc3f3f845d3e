package dev.stagecraft.runtime.store.codec;

/** A value only {@link UpperCaseCodec} stores. */
public record Shout(String text) {}
