package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryException;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blob transfers on a bounded pool of daemon threads; the first failure (in completion order)
 * interrupts the rest and is rethrown.
 */
final class Transfers {
  private static final AtomicInteger POOLS = new AtomicInteger();

  /** One transfer. */
  @FunctionalInterface
  interface Task {
    void run() throws RegistryException;
  }

  private Transfers() {}

  static void runAll(List<Task> tasks, int parallelism) throws RegistryException {
    if (tasks.isEmpty()) {
      return;
    }
    if (tasks.size() == 1 || parallelism == 1) {
      for (Task t : tasks) {
        t.run();
      }
      return;
    }
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
      Thread t = new Thread(r, "jbuild-transfer-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<Void> done = new ExecutorCompletionService<>(executor);
      for (Task t : tasks) {
        done.submit(() -> {
          t.run();
          return null;
        });
      }
      for (int i = 0; i < tasks.size(); i++) {
        try {
          done.take().get();
        } catch (ExecutionException e) {
          executor.shutdownNow();
          if (e.getCause() instanceof RegistryException re) {
            throw re;
          }
          throw new RegistryException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
          executor.shutdownNow();
          Thread.currentThread().interrupt();
          throw new RegistryException("interrupted", e);
        }
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
