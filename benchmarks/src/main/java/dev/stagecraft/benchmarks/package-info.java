/** Measurements run by {@code benchmarks/run}; each prints a last line of JSON. */
package dev.stagecraft.benchmarks;
