package io.jbuild.registry;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The HTTP clients this process made, so that they can be shut down before it exits. A JDK
 * {@link HttpClient} keeps a selector thread blocked in native code, and at exit HotSpot waits up
 * to 0.3 s for threads in native code to stop, which is a third of a cached build. JDK 21 added
 * {@code HttpClient.shutdownNow()}; on JDK 17 each selector thread is stopped through its
 * implementation class, which the runnable jar opens to us ({@code Add-Opens} in its manifest).
 * Either way is best effort: without it the process only exits later.
 */
public final class HttpClients {
  private static final Set<HttpClient> LIVE = Collections.newSetFromMap(new WeakHashMap<>());

  private HttpClients() {}

  /** Builds a client and remembers it for {@link #shutdownAll()}. */
  public static HttpClient build(HttpClient.Builder builder) {
    HttpClient c = builder.build();
    synchronized (LIVE) {
      LIVE.add(c);
    }
    return c;
  }

  /**
   * Shuts down every client made by {@link #build} that is still referenced and, on JDK 17, every
   * client selector thread still running, including those of clients already unreferenced (their
   * threads outlive them by up to 3 s). Call only when no request is running.
   */
  public static void shutdownAll() {
    List<HttpClient> all;
    synchronized (LIVE) {
      all = new ArrayList<>(LIVE);
      LIVE.clear();
    }
    Method shutdownNow = shutdownNow();
    if (shutdownNow != null) {
      for (HttpClient c : all) {
        try {
          shutdownNow.invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // best effort
        }
      }
      return;
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getClass().getName().equals("jdk.internal.net.http.HttpClientImpl$SelectorManager")) {
        stopSelector(t);
      }
    }
  }

  /** {@code HttpClient.shutdownNow()} (JDK 21+), or null. */
  private static Method shutdownNow() {
    try {
      return HttpClient.class.getMethod("shutdownNow");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Stops a JDK 17 client selector thread through its {@code shutdown()} (needs the package opened). */
  private static void stopSelector(Thread selector) {
    try {
      Method shutdown = selector.getClass().getDeclaredMethod("shutdown");
      shutdown.setAccessible(true);
      shutdown.invoke(selector);
      selector.join(200);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not opened to us (run outside the jar) or a JDK whose internals differ
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
