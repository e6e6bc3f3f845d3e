package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.io.AtomicFile;
import dev.stagecraft.runtime.io.FileWriteException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report's HTML to a file atomically: a reader never sees half a page. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Renders the report into {@code file}, replacing it.
   *
   * @throws ReportException when {@code file} is a directory or its folder is missing or not
   *     writable
   */
  public static Path write(RunReport report, Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new ReportException(
          "cannot write the report to "
              + target
              + ": it is a directory;"
              + " pass a file name with -o, e.g. -o "
              + target.resolve("report.html"));
    }
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new ReportException(
          "cannot write the report to "
              + target
              + ": the folder "
              + folder
              + (folder != null && Files.exists(folder) ? " is a file" : " does not exist")
              + "; create it or choose another -o path");
    }
    byte[] html = HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFile.write(target, out -> out.write(html));
      return target;
    } catch (FileWriteException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ReportException(
          "cannot write the report to "
              + target
              + " ("
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage()
              + "); choose a writable -o path");
    }
  }
}
