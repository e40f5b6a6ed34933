package io.jbuild.oci.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream (RFC 1952) compressed in parallel, the way pigz does it. The input is cut into fixed-size blocks;
 * each block is deflated on its own, primed with the last 32 KiB of the previous block as the dictionary, and ended
 * with a sync flush (the last block with a finish), so the raw deflate streams concatenate into one valid stream.
 * The CRC-32 is computed over the input as it arrives.
 *
 * <p>The output depends only on the input, the level and the block size, never on the number of threads or on
 * timing, so digests are reproducible. The header carries no name and a zero time, with OS byte 255 ("unknown")
 * and the extra flags Go's {@code compress/gzip} writes. Memory stays bounded: at most {@code threads} blocks are in
 * flight.
 */
public final class ParallelGzipOutputStream extends OutputStream {
  /** Default block size: 256 KiB (pigz uses 128 KiB; larger blocks cost less per byte in Java). */
  public static final int DEFAULT_BLOCK_SIZE = 256 * 1024;
  private static final int DICTIONARY = 32 * 1024;
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "jbuild-gzip");
    t.setDaemon(true);
    return t;
  });

  private final OutputStream out;
  private final int level;
  private final int threads;
  private final int blockSize;
  private final CRC32 crc = new CRC32();
  private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
  private byte[] block;
  private int filled;
  private byte[] dictionary;
  private long total;
  private boolean finished;

  /**
   * @param out where the gzip bytes go (closed by {@link #close()})
   * @param level deflate level 1..9 (0 stores)
   * @param threads how many blocks may be compressed at once; 1 compresses on the calling thread
   * @param blockSize input bytes per block (at least 32 KiB)
   */
  public ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize) throws IOException {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("invalid gzip level " + level + ": expected 0..9");
    }
    if (blockSize < DICTIONARY) {
      throw new IllegalArgumentException("gzip block size " + blockSize + " is below " + DICTIONARY);
    }
    this.out = out;
    this.level = level;
    this.threads = Math.max(1, threads);
    this.blockSize = blockSize;
    this.block = new byte[blockSize];
    byte xfl = (byte) (level == 9 ? 2 : level == 1 ? 4 : 0);
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, xfl, (byte) 0xff});
  }

  /** A stream with the default block size. */
  public ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
    this(out, level, threads, DEFAULT_BLOCK_SIZE);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (finished) {
      throw new IOException("gzip stream already finished");
    }
    crc.update(b, off, len);
    total += len;
    while (len > 0) {
      if (filled == blockSize) {
        submit(false);
      }
      int n = Math.min(len, blockSize - filled);
      System.arraycopy(b, off, block, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  /** Compresses what is left, writes the trailer and waits for every block; does not close the target. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    submit(true);
    while (!pending.isEmpty()) {
      writeHead();
    }
    int c = (int) crc.getValue();
    int size = (int) total;
    out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
        (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
    finished = true;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }

  private void submit(boolean last) throws IOException {
    byte[] data = block;
    int length = filled;
    byte[] dict = dictionary;
    if (!last) {
      dictionary = Arrays.copyOfRange(data, length - DICTIONARY, length);
      block = new byte[blockSize];
      filled = 0;
    }
    Callable<byte[]> task = () -> deflate(data, length, dict, last, level);
    if (threads == 1) {
      try {
        out.write(task.call());
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("compressing gzip block: " + e.getMessage(), e);
      }
      return;
    }
    pending.add(POOL.submit(task));
    while (pending.size() > threads || (!pending.isEmpty() && pending.peek().isDone())) {
      writeHead();
    }
  }

  private void writeHead() throws IOException {
    Future<byte[]> head = pending.poll();
    if (head == null) {
      return;
    }
    try {
      out.write(head.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("compressing gzip block: interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("compressing gzip block: " + e.getCause(), e.getCause());
    }
  }

  private static byte[] deflate(byte[] data, int length, byte[] dict, boolean last, int level) {
    Deflater deflater = new Deflater(level, true);
    try {
      if (dict != null) {
        deflater.setDictionary(dict);
      }
      deflater.setInput(data, 0, length);
      ByteArrayOutputStream result = new ByteArrayOutputStream(length / 2 + 64);
      byte[] buf = new byte[Math.max(8192, length / 2)];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          int n = deflater.deflate(buf);
          result.write(buf, 0, n);
        }
      } else {
        int n;
        do {
          n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
          result.write(buf, 0, n);
        } while (n == buf.length || !deflater.needsInput());
      }
      return result.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
