/**
 * The configuration files users write, read with Jackson's YAML parser into the core's located
 * trees ({@link dev.stagecraft.runtime.plan.ConfigTree}), which the core checks: templates and
 * profiles. {@link dev.stagecraft.runtime.config.ConfigFiles} is the entry point.
 */
package dev.stagecraft.runtime.config;
