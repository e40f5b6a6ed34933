package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ParallelGzipProperties {

  @Property(tries = 60)
  void decompressesToTheInputAndIgnoresThreadCount(@ForAll long seed, @ForAll @IntRange(max = 400_000) int size,
      @ForAll @IntRange(min = 1, max = 9) int level, @ForAll @IntRange(min = 2, max = 5) int threads)
      throws IOException {
    byte[] input = data(seed, size);
    byte[] single = gzip(input, level, 1, seed);
    byte[] parallel = gzip(input, level, threads, ~seed);
    assertArrayEquals(single, parallel);
    byte[] back = new GZIPInputStream(new ByteArrayInputStream(parallel)).readAllBytes();
    assertArrayEquals(input, back);
    // fixed header: no name, no time, OS unknown
    assertEquals(0x1f, single[0] & 0xff);
    assertEquals(0, single[3]);
    assertEquals(0, single[4] | single[5] | single[6] | single[7]);
    assertEquals(0xff, single[9] & 0xff);
  }

  @Property(tries = 20)
  void gnuGzipAgrees(@ForAll long seed, @ForAll @IntRange(max = 300_000) int size) throws Exception {
    byte[] input = data(seed, size);
    byte[] gz = gzip(input, 1, 2, seed);
    Process p = new ProcessBuilder("gzip", "-dc").start();
    Thread writer = new Thread(() -> {
      try (var o = p.getOutputStream()) {
        o.write(gz);
      } catch (IOException ignored) {
        // reported by the exit status below
      }
    });
    writer.start();
    byte[] back = p.getInputStream().readAllBytes();
    writer.join();
    assertEquals(0, p.waitFor());
    assertArrayEquals(input, back);
  }

  /** Mixed random and repetitive data, written in uneven chunks. */
  static byte[] data(long seed, int size) {
    Random r = new Random(seed);
    byte[] b = new byte[size];
    int i = 0;
    while (i < size) {
      int run = Math.min(size - i, 1 + r.nextInt(50_000));
      if (r.nextBoolean()) {
        byte[] chunk = new byte[run];
        r.nextBytes(chunk);
        System.arraycopy(chunk, 0, b, i, run);
      } else {
        for (int j = 0; j < run; j++) {
          b[i + j] = (byte) ("hello layer ".charAt(j % 12));
        }
      }
      i += run;
    }
    return b;
  }

  private static byte[] gzip(byte[] input, int level, int threads, long chunkSeed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random r = new Random(chunkSeed);
    try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(out, level, threads, 32 * 1024)) {
      int i = 0;
      while (i < input.length) {
        int n = Math.min(input.length - i, 1 + r.nextInt(70_000));
        gz.write(input, i, n);
        i += n;
      }
    }
    return out.toByteArray();
  }
}
