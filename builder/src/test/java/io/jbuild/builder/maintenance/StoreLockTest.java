package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.store.JbuildHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store lock between threads and between processes, including a holder killed with SIGKILL. */
class StoreLockTest {
  @TempDir Path tmp;

  @Test
  void sharedHoldersCoexistAndKeepExclusiveOut() throws Exception {
    StoreLock lock = StoreLock.of(new JbuildHome(tmp));
    CountDownLatch both = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Runnable holder = () -> {
      try (StoreLock.Held h = lock.shared()) {
        both.countDown();
        release.await();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    };
    Thread a = new Thread(holder);
    Thread b = new Thread(holder);
    a.start();
    b.start();
    assertTrue(both.await(10, TimeUnit.SECONDS), "two shared holders at once");
    assertThrows(StoreBusyException.class, () -> lock.exclusive(Duration.ofMillis(200)));
    release.countDown();
    a.join();
    b.join();
    try (StoreLock.Held h = lock.exclusive(Duration.ofSeconds(5))) {
      assertThrows(StoreBusyException.class, () -> lock.exclusive(Duration.ofMillis(100)));
    }
    lock.shared().close();
  }

  @Test
  void anotherProcessHoldsItUntilItDies() throws Exception {
    Process child = Jvm.start(Map.of(), LockHolder.class.getName(), tmp.toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine());
      StoreLock lock = StoreLock.of(new JbuildHome(tmp));
      StoreBusyException busy = assertThrows(StoreBusyException.class, () -> lock.exclusive(Duration.ofMillis(300)));
      assertTrue(busy.getMessage().contains("in use by running builds"), busy.getMessage());
      lock.shared().close(); // shared alongside another process's shared lock
      child.destroyForcibly().waitFor();
      try (StoreLock.Held h = lock.exclusive(Duration.ofSeconds(5))) {
        // the kernel released the killed holder's lock
      }
    } finally {
      child.destroyForcibly();
    }
  }
}
