/**
 * The tenants file ({@code tenants.yaml}): who may use a shared pipeline server, with what
 * permissions, quota, resource defaults, environment, secret references and isolation. Read by
 * {@link dev.stagecraft.runtime.config.ConfigFiles#tenants}; knows no server or store.
 */
package dev.stagecraft.runtime.config.tenants;
