package io.jbuild.runtime.oci;

/**
 * Receives a container's output live, one line at a time (without the line terminator; a last
 * line without terminator is delivered at end of stream). Called from reader threads: stdout and
 * stderr lines may arrive concurrently, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface OutputSink {
  /** Which stream a line came from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /** Receives one line. */
  void line(Stream stream, String line);

  /** A sink that drops everything. */
  static OutputSink discard() {
    return (s, l) -> {};
  }
}
