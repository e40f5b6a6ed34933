package io.jbuild.builder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jbuild.builder.copy.CopyEngine;
import io.jbuild.builder.copy.CopyRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The source digest depends on names, types, modes, link targets and bytes; never on order, mtimes or location. */
class SourceDigestProperties {
  /** One generated entry: a file (target null) or a symlink. */
  record Spec(String name, byte[] content, int mode, String target) {}

  @Provide
  Arbitrary<List<Spec>> trees() {
    Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz é_-.").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.equals(".") && !s.equals("..") && !s.startsWith(".wh."));
    Arbitrary<Spec> spec = Combinators.combine(names, Arbitraries.bytes().array(byte[].class).ofMaxSize(100),
        Arbitraries.of(0644, 0755, 0600, 0444), Arbitraries.of("", "", "", "target", "/etc/passwd"))
        .as((n, c, m, t) -> new Spec(n, c, m, t.isEmpty() ? null : t));
    return spec.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Spec::name);
  }

  static Path build(List<Spec> specs, long seed) throws IOException {
    Path root = Files.createTempDirectory("digest");
    List<Spec> order = new ArrayList<>(specs);
    Random r = new Random(seed);
    Collections.shuffle(order, r);
    for (Spec s : order) {
      Path p = root.resolve(subdirOf(specs, s)).resolve(s.name());
      Files.createDirectories(p.getParent());
      if (s.target() != null) {
        Files.createSymbolicLink(p, Paths.get(s.target()));
      } else {
        Files.write(p, s.content());
        Files.setPosixFilePermissions(p, perms(s.mode()));
        Files.setLastModifiedTime(p, FileTime.from(Instant.ofEpochSecond(r.nextInt(1_000_000_000))));
      }
    }
    return root;
  }

  static String subdirOf(List<Spec> specs, Spec s) {
    return specs.indexOf(s) % 2 == 0 ? "" : "sub";
  }

  static io.jbuild.builder.context.SourceDigest digest(Path root) throws Exception {
    return CopyEngine.create(root.resolve("../scratch-" + root.getFileName()), Clock.systemUTC())
        .plan(CopyRequest.copy("Dockerfile:1", List.of("."), "/out/"), BuildContext.open(root, null), null)
        .sourceDigest();
  }

  @Property(tries = 30)
  void independentOfListingOrderMtimesAndLocation(@ForAll("trees") List<Spec> specs, @ForAll long seed1,
      @ForAll long seed2) throws Exception {
    Path a = build(specs, seed1);
    Path b = build(specs, seed2);
    try {
      assertEquals(digest(a), digest(b));
    } finally {
      StatCacheProperties.deleteTree(a);
      StatCacheProperties.deleteTree(b);
    }
  }

  /** Mutation kinds: 0 a byte, 1 a name, 2 a mode, 3 a symlink target / type. */
  @Property(tries = 40)
  void changesWithEveryByteNameModeAndTarget(@ForAll("trees") List<Spec> specs, @ForAll long seed,
      @ForAll("mutations") int kind, @ForAll("indexes") int which) throws Exception {
    int i = Math.floorMod(which, specs.size());
    Spec s = specs.get(i);
    Spec changed;
    switch (kind) {
      case 0: {
        byte[] c = s.content().length == 0 ? new byte[] {1} : s.content().clone();
        if (s.content().length > 0) {
          c[c.length / 2] ^= 0x5a;
        }
        changed = new Spec(s.name(), c, s.mode(), null);
        if (s.target() != null) {
          changed = new Spec(s.name(), s.content(), s.mode(), null); // symlink -> file
        }
        break;
      }
      case 1: changed = new Spec(s.name() + "~", s.content(), s.mode(), s.target()); break;
      case 2: changed = s.target() != null ? new Spec(s.name(), s.content(), s.mode(), s.target() + "2")
          : new Spec(s.name(), s.content(), s.mode() ^ 0100, null); break;
      default: changed = new Spec(s.name(), s.content(), s.mode(), s.target() == null ? "t" : s.target() + "/x");
    }
    List<Spec> other = new ArrayList<>(specs);
    other.set(i, changed);
    if (other.stream().map(Spec::name).distinct().count() != other.size()) {
      return; // the rename collided with another name
    }
    Path a = build(specs, seed);
    Path b = build(other, seed);
    try {
      assertNotEquals(digest(a), digest(b), "after changing " + s + " to " + changed);
    } finally {
      StatCacheProperties.deleteTree(a);
      StatCacheProperties.deleteTree(b);
    }
  }

  @Provide
  Arbitrary<Integer> mutations() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, 100);
  }

  @Property(tries = 50)
  void itemOrderDoesNotMatter(@ForAll("trees") List<Spec> specs, @ForAll long seed) {
    List<SourceDigest.Item> items = new ArrayList<>();
    for (Spec s : specs) {
      items.add(new SourceDigest.Item(s.name(), s.target() == null ? "FILE" : "SYMLINK", s.mode(), 0, 0, s.target(),
          s.target() == null ? io.jbuild.oci.Digest.sha256(s.content()).hex() : null));
    }
    List<SourceDigest.Item> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(SourceDigest.of(items), SourceDigest.of(shuffled));
  }

  static Set<PosixFilePermission> perms(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(all[i]);
      }
    }
    return s;
  }
}
