package dev.stagecraft.runtime.config.tenants;

import java.nio.file.Path;

/** Where a secret's value is read from when a stage starts; the file holds only this reference. */
public sealed interface SecretRef {
  /** The name a stage asks for through its context. */
  String name();

  /** A variable of the server's own environment. */
  record FromEnv(String name, String variable) implements SecretRef {}

  /** A file (a mounted secret, for example). */
  record FromFile(String name, Path file) implements SecretRef {}
}
