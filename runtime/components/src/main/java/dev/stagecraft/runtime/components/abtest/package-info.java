/**
 * The A/B decision between two trained models on the same held-out examples: McNemar's paired test
 * (or the two-proportion z-test), a significance threshold and a minimum improvement ({@link
 * dev.stagecraft.runtime.components.abtest.AbTest}).
 */
package dev.stagecraft.runtime.components.abtest;
