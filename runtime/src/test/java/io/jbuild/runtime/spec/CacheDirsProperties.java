package io.jbuild.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CacheDirsProperties {
  private static final Path ROOT = Path.of("target", "tmp", "cache-root").toAbsolutePath();

  @Property(tries = 300)
  void noIdEscapesTheCacheRoot(@ForAll String id) {
    Path p = CacheDirs.pathOf(ROOT, id);
    assertEquals(ROOT, p.getParent());
    assertEquals(p, CacheDirs.pathOf(ROOT, id), "stable");
  }

  @Test
  void differentIdsGetDifferentDirsAndOwnership() throws Exception {
    Path a = CacheDirs.ensure(ROOT, "../../etc", 0, 0, 0755);
    Path b = CacheDirs.ensure(ROOT, "/var/cache/apt", 0, 0, 0700);
    assertNotEquals(a, b);
    assertTrue(Files.isDirectory(a));
    assertEquals(0700, (Integer) Files.getAttribute(b, "unix:mode") & 07777);
    assertEquals(a, CacheDirs.ensure(ROOT, "../../etc", 5, 5, 0700), "existing dirs are kept");
  }

  @Test
  void lockIsExclusive() throws Exception {
    AutoCloseable first = CacheDirs.lock(ROOT, "locked");
    AtomicBoolean acquired = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try (AutoCloseable second = CacheDirs.lock(ROOT, "locked")) {
                assertTrue(second != null);
                acquired.set(true);
              } catch (Exception e) {
                throw new RuntimeException(e);
              } finally {
                done.countDown();
              }
            });
    t.start();
    assertFalse(done.await(300, TimeUnit.MILLISECONDS), "second lock must wait");
    assertFalse(acquired.get());
    first.close();
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertTrue(acquired.get());
  }
}
