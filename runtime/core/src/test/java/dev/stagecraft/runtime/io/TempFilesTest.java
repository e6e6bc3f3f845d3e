package dev.stagecraft.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path dir;

  @Test
  void theTemporaryFileIsHiddenBesideTheTargetAndReadableLikeANewFile() throws Exception {
    Path target = dir.resolve("report.html");
    Path temp = TempFiles.createBeside(target);

    assertEquals(dir, temp.getParent());
    assertTrue(temp.getFileName().toString().startsWith(".report.html."), temp.toString());
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    // the same permissions as a file created the ordinary way (the umask applies to both)
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(temp));
    assertTrue(Files.getPosixFilePermissions(temp).contains(PosixFilePermission.OWNER_READ));
  }
}
