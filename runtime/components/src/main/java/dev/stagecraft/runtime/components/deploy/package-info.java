/**
 * The model registry: versions per deployment target, promoted atomically, kept with the run and
 * stage that produced them, and rolled back on request ({@link
 * dev.stagecraft.runtime.components.deploy.ModelRegistry}).
 */
package dev.stagecraft.runtime.components.deploy;
