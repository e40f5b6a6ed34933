package io.jbuild.builder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  @Test
  void normalisesNamesAsDocker() {
    assertEquals("docker.io/library/busybox:latest", ImageNames.normalize("busybox"));
    assertEquals("docker.io/me/app:1", ImageNames.normalize("me/app:1"));
    assertEquals("localhost:5000/app:latest", ImageNames.normalize("localhost:5000/app"));
    assertEquals("ghcr.io/o/r:t", ImageNames.normalize("ghcr.io/o/r:t"));
    assertEquals("busybox:latest", ImageNames.familiar("docker.io/library/busybox:latest"));
    assertThrows(IllegalArgumentException.class, () -> ImageNames.normalize("Upper/Case"));
    assertThrows(IllegalArgumentException.class, () -> ImageNames.normalize("a:b:c"));
  }

  @Test
  void concurrentNamesAreAllKept() throws Exception {
    NameIndex index = new NameIndex(dir.resolve("index.json"));
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      Thread t = new Thread(() -> {
        try {
          index.put("docker.io/library/x:" + n, Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[] {(byte) n}), n));
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Map<String, Descriptor> all = index.list();
    assertEquals(8, all.size());
    assertEquals(3, all.get("docker.io/library/x:3").size());
    assertEquals(3, index.remove("docker.io/library/x:3").size());
    assertNull(index.get("docker.io/library/x:3"));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("index.json", "index.json.lock"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void homeFollowsTheEnvironment() {
    assertEquals(Path.of("/j"), JbuildHome.fromEnvironment(Map.of("JBUILD_HOME", "/j")).root());
    assertEquals(Path.of("/x/jbuild"), JbuildHome.fromEnvironment(Map.of("XDG_DATA_HOME", "/x")).root());
    assertEquals(Path.of("/h/.local/share/jbuild"), JbuildHome.fromEnvironment(Map.of("HOME", "/h")).root());
  }
}
