package dev.stagecraft.runtime.engine;

import java.util.Set;

/**
 * Where a run's secrets are read from, when a stage asks for one ({@code StageContext.secret}): the
 * pipeline server gives each run its tenant's (from the server's environment or files). Values are
 * read only when asked for, and never kept by the run beyond masking them.
 */
public interface SecretSource {
  /** No secrets. */
  SecretSource NONE =
      new SecretSource() {
        @Override
        public Set<String> names() {
          return Set.of();
        }

        @Override
        public String value(String name) {
          throw new IllegalArgumentException("no secret '" + name + "'");
        }
      };

  /** The names of the secrets there are. */
  Set<String> names();

  /**
   * The value of secret {@code name}, one of {@link #names()}.
   *
   * @throws RuntimeException with a clear message when it cannot be read (its variable is unset,
   *     its file missing); the message never holds a value
   */
  String value(String name);
}
