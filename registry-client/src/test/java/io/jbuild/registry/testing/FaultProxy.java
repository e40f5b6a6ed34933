package io.jbuild.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on a free loopback port in front of a registry that injects faults into matching
 * requests: an error status (500, or 429 with {@code Retry-After}), a connection reset or a clean
 * close after part of the response body, a pause in the body, or a corrupted body byte. Each rule fires a given number of
 * times; other requests are forwarded unchanged (one request per connection, {@code Connection: close}).
 * Every request line and its headers are recorded for assertions.
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int upstreamPort;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Request> seen = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;
  private volatile boolean closed;

  /** A received request: method, path with query, and raw header lines. */
  public record Request(String method, String target, List<String> headers) {
    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      for (String h : headers) {
        if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          return h.substring(prefix.length()).trim();
        }
      }
      return null;
    }
  }

  /** What to do to a matching request. */
  public sealed interface Fault {}

  /** Answer with {@code status} (and {@code Retry-After} when non-null) without forwarding. */
  public record Status(int status, String retryAfter) implements Fault {}

  /** Forward, then reset the connection (RST) after {@code bytes} of the response body. */
  public record ResetAfter(long bytes) implements Fault {}

  /** Forward, then close cleanly after {@code bytes} of the body (announced length unchanged). */
  public record TruncateAfter(long bytes) implements Fault {}

  /** Forward, but pause for {@code millis} after {@code bytes} of the body (a stalled server). */
  public record StallAfter(long bytes, long millis) implements Fault {}

  /** Forward with the body byte at {@code offset} flipped (a wrong digest). */
  public record Corrupt(long offset) implements Fault {}

  private static final class Rule {
    final Predicate<Request> match;
    final Fault fault;
    int remaining;

    Rule(Predicate<Request> match, Fault fault, int times) {
      this.match = match;
      this.fault = fault;
      this.remaining = times;
    }
  }

  private FaultProxy(ServerSocket server, int upstreamPort) {
    this.server = server;
    this.upstreamPort = upstreamPort;
    this.acceptor = new Thread(this::acceptLoop, "fault-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy to {@code 127.0.0.1:upstreamPort}. */
  public static FaultProxy start(int upstreamPort) throws IOException {
    return new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstreamPort);
  }

  /** {@code 127.0.0.1:<port>}. */
  public String host() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Applies {@code fault} to the next {@code times} requests matching {@code match}. */
  public FaultProxy inject(Predicate<Request> match, Fault fault, int times) {
    rules.add(new Rule(match, fault, times));
    return this;
  }

  /** Removes all rules. */
  public void clearFaults() {
    rules.clear();
  }

  /** Requests seen so far. */
  public List<Request> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** Forgets recorded requests. */
  public void clearRequests() {
    seen.clear();
  }

  /** Matches method and a path containing {@code fragment}. */
  public static Predicate<Request> matching(String method, String fragment) {
    return r -> r.method().equals(method) && r.target().contains(fragment);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private Fault take(Request r) {
    for (Rule rule : rules) {
      synchronized (rule) {
        if (rule.remaining > 0 && rule.match.test(r)) {
          rule.remaining--;
          return rule.fault;
        }
      }
    }
    return null;
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new java.io.BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      in.mark(1);
      if (in.read() == 0x16) {
        return; // a TLS ClientHello: this proxy speaks plain HTTP only
      }
      in.reset();
      List<String> head = readHead(in);
      if (head == null || head.isEmpty()) {
        return;
      }
      String[] line = head.get(0).split(" ");
      if (line.length < 3) {
        return;
      }
      Request request = new Request(line[0], line[1], List.copyOf(head.subList(1, head.size())));
      seen.add(request);
      long length = 0;
      String cl = request.header("Content-Length");
      if (cl != null) {
        length = Long.parseLong(cl);
      }
      Fault fault = take(request);
      if (fault instanceof Status s) {
        in.skipNBytes(length);
        String body = "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"injected " + s.status() + "\"}]}";
        String resp = "HTTP/1.1 " + s.status() + " Injected\r\nContent-Type: application/json\r\n"
            + (s.retryAfter() != null ? "Retry-After: " + s.retryAfter() + "\r\n" : "")
            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        out.write(resp.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
        OutputStream up = upstream.getOutputStream();
        StringBuilder req = new StringBuilder(head.get(0)).append("\r\n");
        for (String h : request.headers()) {
          String lower = h.toLowerCase(Locale.ROOT);
          if (!lower.startsWith("connection:") && !lower.startsWith("upgrade:")
              && !lower.startsWith("http2-settings:")) {
            req.append(h).append("\r\n");
          }
        }
        req.append("Connection: close\r\n\r\n");
        up.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        copy(in, up, length);
        up.flush();
        InputStream down = upstream.getInputStream();
        List<String> respHead = readHead(down);
        if (respHead == null) {
          return;
        }
        StringBuilder resp = new StringBuilder();
        for (String h : respHead) {
          if (!h.toLowerCase(Locale.ROOT).startsWith("connection:")) {
            resp.append(h).append("\r\n");
          }
        }
        resp.append("Connection: close\r\n\r\n");
        out.write(resp.toString().getBytes(StandardCharsets.ISO_8859_1));
        byte[] buf = new byte[8192];
        long sent = 0;
        int n;
        while ((n = down.read(buf)) > 0) {
          if (fault instanceof Corrupt c && c.offset() >= sent && c.offset() < sent + n) {
            buf[(int) (c.offset() - sent)] ^= 0x55;
          }
          if (fault instanceof ResetAfter r && sent + n > r.bytes()) {
            out.write(buf, 0, (int) (r.bytes() - sent));
            out.flush();
            client.setSoLinger(true, 0);
            return;
          }
          if (fault instanceof StallAfter st && sent <= st.bytes() && sent + n > st.bytes()) {
            int first = (int) (st.bytes() - sent);
            out.write(buf, 0, first);
            out.flush();
            try {
              Thread.sleep(st.millis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            out.write(buf, first, n - first);
            sent += n;
            continue;
          }
          if (fault instanceof TruncateAfter t && sent + n > t.bytes()) {
            out.write(buf, 0, (int) (t.bytes() - sent));
            out.flush();
            return;
          }
          out.write(buf, 0, n);
          sent += n;
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client or upstream went away: nothing to do
    }
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buf = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("request body ended early");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  /** Reads header lines up to the empty line; null at EOF before any byte. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int prev = -1;
    int c;
    boolean any = false;
    while ((c = in.read()) >= 0) {
      any = true;
      if (c == '\n' && prev == '\r') {
        byte[] b = line.toByteArray();
        String s = new String(b, 0, b.length - 1, StandardCharsets.ISO_8859_1);
        if (s.isEmpty()) {
          return lines;
        }
        lines.add(s);
        line.reset();
      } else {
        line.write(c);
      }
      prev = c;
      if (line.size() > 65536) {
        throw new IOException("header line too long");
      }
    }
    return any ? lines : null;
  }
}
