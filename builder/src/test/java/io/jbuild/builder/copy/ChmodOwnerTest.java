package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChmodOwnerTest {
  @TempDir
  Path rootfs;

  @ParameterizedTest(name = "{0} on {1} (dir={2}) = {3}")
  @CsvSource(textBlock = """
      755, 0600, false, 0755
      0644, 0777, true, 0644
      4755, 0600, false, 4755
      u+x, 0644, false, 0744
      'u+x,g-w', 0664, false, 0744
      a-w, 0666, false, 0444
      go=, 0755, true, 0700
      +X, 0644, false, 0644
      +X, 0644, true, 0755
      +X, 0744, false, 0755
      u+s, 0755, false, 4755
      +t, 0755, true, 1755
      o=u, 0750, false, 0750
      """)
  void chmod(String spec, String mode, boolean dir, String expected) {
    if (spec.equals("o=u")) {
      // copying permissions from another class is not supported: it is an error
      assertThrows(IllegalArgumentException.class, () -> ChmodSpec.parse(spec));
      return;
    }
    assertEquals(Integer.parseInt(expected, 8), ChmodSpec.parse(spec).apply(Integer.parseInt(mode, 8), dir));
  }

  @Test
  void badChmodValues() {
    for (String bad : new String[] {"", "8", "99999", "u+q", "u", "77777"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChmodSpec.parse(bad));
      assertTrue(e.getMessage().startsWith("invalid chmod \"" + bad + "\""), e.getMessage());
    }
  }

  @Test
  void ownersFromTheDestinationRoot() throws Exception {
    Files.createDirectories(rootfs.resolve("real"));
    Files.writeString(rootfs.resolve("real/passwd"), "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/app:/bin/sh\n");
    Files.writeString(rootfs.resolve("real/group"), "root:x:0:\nwww:x:33:\n");
    Files.createDirectories(rootfs.resolve("etc"));
    // symlinks to the files resolve inside the root, never to the host's /etc
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Paths.get("/real/passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/group"), Paths.get("../real/group"));
    assertEquals(new Owner(1000, 1001), Owner.resolve("app", rootfs));
    assertEquals(new Owner(1000, 33), Owner.resolve("app:www", rootfs));
    assertEquals(new Owner(5, 33), Owner.resolve("5:www", rootfs));
    assertEquals(new Owner(7, 7), Owner.resolve("7", null));
    assertEquals(new Owner(7, 8), Owner.resolve("7:8", null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Owner.resolve("app:nogroup", rootfs));
    assertEquals("unable to find group nogroup: no matching entries in group file", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Owner.resolve("bin", null));
    assertEquals("unable to find user bin: no matching entries in passwd file", e.getMessage());
  }
}
