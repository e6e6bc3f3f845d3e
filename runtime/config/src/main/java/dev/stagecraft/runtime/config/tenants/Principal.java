package dev.stagecraft.runtime.config.tenants;

/** Who a bearer token belongs to: a tenant, or an admin who sees every tenant's runs. */
public sealed interface Principal permits Tenant, Admin {
  /** The id written in the tenants file. */
  String id();

  /** The hex SHA-256 of the token. */
  String tokenSha256();
}
