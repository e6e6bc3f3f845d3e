package dev.stagecraft.runtime.config.tenants;

/** An operator who sees and may cancel every tenant's runs. */
public record Admin(String id, String tokenSha256) implements Principal {}
