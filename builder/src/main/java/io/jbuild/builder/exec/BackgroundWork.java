package io.jbuild.builder.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Work a build starts ahead of need on one background thread (extracting a layer the next step will
 * mount while that step computes its cache key), and waits for before it ends, so no half-done work
 * outlives the build. A task's failure is not the build's: the step that needs the result does the work
 * again and reports its own error.
 */
public final class BackgroundWork implements AutoCloseable {
  /** Something to do ahead of need. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "jbuild-ahead");
    t.setDaemon(true);
    return t;
  });
  private final List<CompletableFuture<Void>> started = new ArrayList<>();

  /** Starts {@code task} when the thread is free. */
  public synchronized void submit(Task task) {
    started.add(CompletableFuture.runAsync(() -> {
      try {
        task.run();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, executor));
  }

  /** Waits for every task started so far (their failures are ignored) and stops the thread. */
  @Override
  public void close() {
    List<CompletableFuture<Void>> all;
    synchronized (this) {
      all = new ArrayList<>(started);
      started.clear();
    }
    for (CompletableFuture<Void> f : all) {
      try {
        f.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        // the step that needs it redoes it
      }
    }
    executor.shutdown();
  }
}
