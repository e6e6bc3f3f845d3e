/**
 * The {@code stagecraft} command line (picocli): {@code list}, {@code describe}, {@code run},
 * {@code resume}, {@code runs}, {@code show}, {@code report}, {@code logs}, {@code preprocess},
 * {@code deployments}, {@code doctor}, {@code gc}. Commands that only read a store open it
 * read-only. Pipelines come from {@link java.util.ServiceLoader} on the classpath and on {@code
 * STAGECRAFT_CLASSPATH}; errors the user can fix are one line on stderr and exit code 2, including
 * a stage that failed on bad input (its {@code UserInputException}'s message, naming the stage).
 * After the stage table, {@code run} prints the lines of every stage output implementing {@link
 * dev.stagecraft.runtime.Summarizable}.
 */
package dev.stagecraft.runtime.cli;
