package io.jbuild.oci.store;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A content-addressed blob store in a directory, laid out like an OCI image layout:
 * {@code <root>/blobs/<algorithm>/<hex>}, with in-flight writes in {@code <root>/ingest/}.
 *
 * <p>Guarantees: a file at a final path is complete and was verified against its name while it was
 * written (the digest is computed on the fly, never by re-reading); writes go to uniquely named temp
 * files on the same filesystem and are renamed atomically, so any number of threads and processes may
 * write, even the same blob, at the same time; reads through {@link #open} and {@link #readAll} are
 * verified again, so on-disk corruption surfaces as {@link CorruptBlobException}. Paths are built
 * only from validated {@link Digest}s and never leave the root.
 */
public final class BlobStore implements BlobSource {
  private static final int MAX_READ_ALL = 64 << 20;
  private static final Pattern NAME = Pattern.compile("[a-f0-9]{64}|[a-f0-9]{128}");
  private final Path root;
  private final Path blobs;
  private final Path ingest;

  private BlobStore(Path root, Path ingest) {
    this.root = root;
    this.blobs = root.resolve("blobs");
    this.ingest = ingest;
  }

  /** Opens (creating if needed) the store rooted at {@code root}, ingesting through {@code root/ingest}. */
  public static BlobStore open(Path root) throws IOException {
    return open(root, root.resolve("ingest"));
  }

  /**
   * Opens the store at {@code root} with temp files in {@code ingestDir}, which must be on the same
   * filesystem (for atomic renames) and should not be inside {@code root/blobs}.
   */
  public static BlobStore open(Path root, Path ingestDir) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.resolve("blobs").resolve("sha256"));
      Files.createDirectories(ingestDir);
    } catch (IOException e) {
      throw new IOException("opening blob store " + absolute + ": " + e.getMessage(), e);
    }
    return new BlobStore(absolute, ingestDir.toAbsolutePath().normalize());
  }

  /** The store's root directory. */
  public Path root() {
    return root;
  }

  /** Where the blob lives (or would live); the file exists only if {@link #has} is true. */
  public Path path(Digest digest) {
    return blobs.resolve(digest.algorithm()).resolve(digest.hex());
  }

  @Override
  public boolean has(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  @Override
  public long size(Digest digest) throws IOException {
    try {
      return Files.size(path(digest));
    } catch (NoSuchFileException e) {
      throw notFound(digest);
    }
  }

  /** Opens the blob; the stream throws {@link CorruptBlobException} at its end if the bytes do not match. */
  @Override
  public InputStream open(Digest digest) throws IOException {
    Path file = path(digest);
    try {
      return VerifyingInputStream.of(Files.newInputStream(file), digest, -1);
    } catch (NoSuchFileException e) {
      throw notFound(digest);
    }
  }

  /** Reads a small blob (at most 64 MiB: manifests, configs) entirely, verified. */
  public byte[] readAll(Digest digest) throws IOException {
    long size = size(digest);
    if (size > MAX_READ_ALL) {
      throw new IOException("reading blob " + digest + ": " + size + " bytes is too large to read into memory");
    }
    try (InputStream in = open(digest)) {
      byte[] bytes = in.readNBytes(MAX_READ_ALL + 1);
      if (in.read() != -1 || bytes.length > MAX_READ_ALL) {
        throw new IOException("reading blob " + digest + ": grew beyond " + MAX_READ_ALL + " bytes while reading");
      }
      return bytes;
    }
  }

  /** A writer for a new blob of unknown digest (computed as sha256). */
  public BlobWriter writer() throws IOException {
    return new BlobWriter(this, newTemp(), null, -1);
  }

  /** A writer whose content must hash to {@code expected}, else {@link BlobWriter#commit} fails. */
  public BlobWriter writer(Digest expected) throws IOException {
    return new BlobWriter(this, newTemp(), expected, -1);
  }

  /** A writer whose content must match the descriptor's digest and size. */
  public BlobWriter writer(Descriptor expected) throws IOException {
    return new BlobWriter(this, newTemp(), expected.digest(), expected.size());
  }

  /** Stores {@code bytes}; returns their descriptor (no media type). */
  public Descriptor put(byte[] bytes) throws IOException {
    return put(null, bytes);
  }

  /** Stores {@code bytes}; returns their descriptor with {@code mediaType}. */
  public Descriptor put(String mediaType, byte[] bytes) throws IOException {
    try (BlobWriter w = writer()) {
      w.write(bytes);
      return w.commit(mediaType);
    }
  }

  /** Copies {@code in} (not closed) into the store. */
  public Descriptor put(InputStream in) throws IOException {
    try (BlobWriter w = writer()) {
      in.transferTo(w);
      return w.commit();
    }
  }

  /**
   * Copies {@code in} (not closed) into the store, checking it against {@code expected}'s digest and
   * size; returns {@code expected}. Skips reading when the blob is already present.
   */
  public Descriptor put(InputStream in, Descriptor expected) throws IOException {
    if (!has(expected.digest())) {
      try (BlobWriter w = writer(expected)) {
        in.transferTo(w);
        w.commit();
      }
    }
    return expected;
  }

  /** Copies a blob from {@code source} (verified) unless already present. */
  public void copyFrom(BlobSource source, Descriptor blob) throws IOException {
    if (has(blob.digest())) {
      return;
    }
    try (InputStream in = source.open(blob.digest())) {
      put(in, blob);
    }
  }

  /** Removes a blob; returns false if it was absent. Readers holding it open keep reading it. */
  public boolean delete(Digest digest) throws IOException {
    return Files.deleteIfExists(path(digest));
  }

  /** All blobs present, sorted; files whose names are not digests are skipped. */
  public Stream<Digest> list() throws IOException {
    List<Digest> found = new ArrayList<>();
    if (!Files.isDirectory(blobs)) {
      return Stream.empty();
    }
    try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
      for (Path alg : algorithms) {
        if (!Files.isDirectory(alg)) {
          continue;
        }
        String algorithm = alg.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(alg)) {
          for (Path f : files) {
            String name = f.getFileName().toString();
            if (NAME.matcher(name).matches()) {
              try {
                found.add(new Digest(algorithm, name));
              } catch (IllegalArgumentException notADigest) {
                // a file that does not belong to the store
              }
            }
          }
        }
      }
    }
    found.sort(null);
    return found.stream();
  }

  /** Re-hashes a stored blob; throws {@link CorruptBlobException} if it does not match its name. */
  public void verify(Digest digest) throws IOException {
    try (InputStream in = open(digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** Deletes temp files older than {@code age} left behind by crashed writers; returns how many. */
  public int cleanIngest(Duration age) throws IOException {
    Instant limit = Instant.now().minus(age);
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(ingest, "blob-*.tmp")) {
      for (Path f : files) {
        try {
          FileTime modified = Files.getLastModifiedTime(f);
          if (modified.toInstant().isBefore(limit) && Files.deleteIfExists(f)) {
            removed++;
          }
        } catch (NoSuchFileException raced) {
          // another process cleaned or committed it
        }
      }
    }
    return removed;
  }

  @Override
  public String toString() {
    return "blob store " + root;
  }

  private Path newTemp() throws IOException {
    Files.createDirectories(ingest);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
      return Files.createTempFile(ingest, "blob-", ".tmp", mode);
    }
    return Files.createTempFile(ingest, "blob-", ".tmp");
  }

  /** Moves a verified temp file to its final path; a no-op (temp deleted) when already present. */
  void install(Path temp, Digest digest) throws IOException {
    Path target = path(digest);
    try {
      if (Files.exists(target)) {
        Files.deleteIfExists(temp);
        return;
      }
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(temp);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw new IOException("storing blob " + digest + ": ingest directory " + ingest
          + " is not on the same filesystem as " + root, e);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw new IOException("storing blob " + digest + " in " + root + ": " + e.getMessage(), e);
    }
  }

  private BlobNotFoundException notFound(Digest digest) {
    return new BlobNotFoundException(digest, root.toString());
  }
}
