package dev.stagecraft.processor.writing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The {@code META-INF/services} file listing every generated provider, written once when processing
 * is over and merged with an existing one (incremental builds), sorted.
 */
public final class ServiceRegistration {
  private final Set<String> providers = new TreeSet<>();
  private final java.util.List<Element> origins = new java.util.ArrayList<>();

  /** Remembers a generated provider class. */
  public void add(String qualifiedName, Element origin) {
    providers.add(qualifiedName);
    origins.add(origin);
  }

  /** Writes the file, if any provider was generated. */
  public void write(Filer filer) throws IOException {
    if (providers.isEmpty()) {
      return;
    }
    Set<String> all = new TreeSet<>(providers);
    try {
      FileObject existing =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", RuntimeNames.PROVIDER_SERVICE_FILE);
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String name = line.replaceAll("#.*", "").trim();
          if (!name.isEmpty()) {
            all.add(name);
          }
        }
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      // no earlier file: nothing to merge
    }
    FileObject out =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT,
            "",
            RuntimeNames.PROVIDER_SERVICE_FILE,
            origins.toArray(new Element[0]));
    try (Writer w =
        new java.io.OutputStreamWriter(out.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String p : all) {
        w.write(p);
        w.write('\n');
      }
    }
  }
}
