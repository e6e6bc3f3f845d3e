/**
 * The {@code stagecraft} command line (picocli): {@code list}, {@code describe}, {@code run}.
 * Pipelines come from {@link java.util.ServiceLoader} on the classpath and on {@code
 * STAGECRAFT_CLASSPATH}; errors the user can fix are one line on stderr and exit code 2.
 */
package dev.stagecraft.runtime.cli;
