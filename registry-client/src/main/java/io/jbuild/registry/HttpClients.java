package io.jbuild.registry;

import java.lang.reflect.Field;
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
 * {@code HttpClient.shutdownNow()}; on JDK 17 the selector is stopped through the client's
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

  /** Shuts down every client made by {@link #build} (call only when no request is running). */
  public static void shutdownAll() {
    List<HttpClient> all;
    synchronized (LIVE) {
      all = new ArrayList<>(LIVE);
      LIVE.clear();
    }
    for (HttpClient c : all) {
      shutdown(c);
    }
  }

  /** Stops {@code client}'s threads; a no-op when the JDK offers no way to. */
  static void shutdown(HttpClient client) {
    try {
      Method m = HttpClient.class.getMethod("shutdownNow");
      m.invoke(client);
      return;
    } catch (NoSuchMethodException e) {
      // JDK 17: below
    } catch (ReflectiveOperationException | RuntimeException e) {
      return;
    }
    try {
      Object impl = field(client, "impl");
      Object selector = field(impl, "selmgr");
      Method shutdown = selector.getClass().getDeclaredMethod("shutdown");
      shutdown.setAccessible(true);
      shutdown.invoke(selector);
      if (selector instanceof Thread t) {
        t.join(200);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not opened to us (run outside the jar) or a JDK whose internals differ
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }
}
