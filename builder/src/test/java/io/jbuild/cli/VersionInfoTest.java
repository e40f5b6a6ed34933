package io.jbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionInfoTest {
  @TempDir Path tmp;

  @Test
  void unfilteredPlaceholdersReadAsUnknown() {
    assertEquals("unknown", VersionInfo.usable("${project.version}"));
    assertEquals("unknown", VersionInfo.usable(null, " ", "${jbuild.commit}"));
    assertEquals("abc1234", VersionInfo.usable(null, "abc1234 "));
    assertEquals("fromprop", VersionInfo.usable("fromprop", "fromresource"));
  }

  @Test
  void overlayIsFoundInProcFilesystemsFormat() throws Exception {
    Path with = Files.writeString(tmp.resolve("with"), "nodev\tsysfs\n\text4\nnodev\toverlay\n");
    Path without = Files.writeString(tmp.resolve("without"), "nodev\tsysfs\n\text4\nnodev\toverlayish\n");
    assertTrue(VersionInfo.overlayfs(with));
    assertFalse(VersionInfo.overlayfs(without));
    assertFalse(VersionInfo.overlayfs(tmp.resolve("missing")));
  }

  @Test
  void theRuntimeVersionIsTheFirstLineOfItsVersionOutput() {
    Path runc = Path.of("/usr/sbin/runc");
    assumeTrue(Files.isExecutable(runc), "runc not installed");
    assertTrue(VersionInfo.runtimeVersion(runc).startsWith("runc version "), VersionInfo.runtimeVersion(runc));
    assertNull(VersionInfo.runtimeVersion(tmp.resolve("nope")));
  }

  @Test
  void detectReportsThisMachine() {
    String before = System.getProperty(VersionInfo.COMMIT_PROPERTY);
    System.setProperty(VersionInfo.COMMIT_PROPERTY, "1a2b3c4");
    try {
      VersionInfo v = VersionInfo.detect();
      assertEquals("1a2b3c4", v.commit());
      List<String> lines = v.lines();
      assertEquals(4, lines.size());
      assertTrue(lines.get(0).startsWith("jbuild ") && lines.get(0).endsWith(" (commit 1a2b3c4)"), lines.get(0));
      assertTrue(lines.get(1).startsWith("java " + System.getProperty("java.version")), lines.get(1));
      if (v.runtime() != null) {
        assertTrue(lines.get(2).startsWith("oci runtime /") && lines.get(2).contains("version"), lines.get(2));
      }
      assertEquals(VersionInfo.overlayfs(Path.of("/proc/filesystems")), v.overlayfs());
    } finally {
      if (before == null) {
        System.clearProperty(VersionInfo.COMMIT_PROPERTY);
      } else {
        System.setProperty(VersionInfo.COMMIT_PROPERTY, before);
      }
    }
  }
}
