package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jbuild.builder.context.BuildContext;
import io.jbuild.builder.context.ContentHasher;
import io.jbuild.builder.context.SourceTree;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-driven COPY/ADD cases: every {@code testdata/copy/<case>/case.txt}. Lines:
 * <ul>
 *   <li>{@code context|stage|rootfs <tree line>}: builds the build context, a {@code --from} tree, the destination root
 *       (see {@link CaseTree#apply})</li>
 *   <li>{@code ignore PATTERN}: a line of the context's {@code .dockerignore}</li>
 *   <li>{@code workdir DIR}, {@code heredoc NAME CONTENT}</li>
 *   <li>{@code run COPY|ADD [--flags] SRC... DEST} (tokens percent-decoded; {@code --from} uses the stage tree)</li>
 *   <li>{@code expect TYPE PATH MODE UID:GID [size=N] [-> TARGET] [t=fix|now|other]}: the full entry list, in order</li>
 *   <li>{@code content PATH TEXT}: a file's content; {@code xattrs PATH name=hex,...}: its extended attributes;
 *       {@code error TEXT}: the run fails with a message containing TEXT</li>
 * </ul>
 */
class CopyCasesTest {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir
  Path tmp;

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    Path dir = Paths.get(System.getProperty("jbuild.repo", "../"), "testdata", "copy");
    assertTrue(Files.isDirectory(dir), "missing " + dir);
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> Files.isRegularFile(p.resolve("case.txt"))).sorted().forEach(cases::add);
    }
    assertTrue(cases.size() >= 10, "expected the copy cases under " + dir);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
  }

  private void runCase(Path caseDir) throws Exception {
    String name = caseDir.getFileName().toString();
    Path work = Files.createDirectories(tmp.resolve(name));
    Path context = Files.createDirectories(work.resolve("context"));
    Path stage = Files.createDirectories(work.resolve("stage"));
    Path rootfs = Files.createDirectories(work.resolve("rootfs"));
    List<String> ignore = new ArrayList<>();
    List<String> expect = new ArrayList<>();
    Map<String, String> contents = new LinkedHashMap<>();
    Map<String, String> xattrs = new LinkedHashMap<>();
    List<HeredocSource> heredocs = new ArrayList<>();
    String workdir = "/";
    String error = null;
    List<String> run = null;
    boolean scratch = true;
    for (String raw : Files.readAllLines(caseDir.resolve("case.txt"), StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> f = new ArrayList<>(Arrays.asList(line.split(" ")));
      String key = f.remove(0);
      switch (key) {
        case "context": CaseTree.apply(context, f); break;
        case "stage": CaseTree.apply(stage, f); break;
        case "rootfs": CaseTree.apply(rootfs, f); scratch = false; break;
        case "ignore": ignore.add(String.join(" ", f)); break;
        case "workdir": workdir = f.get(0); break;
        case "heredoc": heredocs.add(new HeredocSource(f.get(0),
            String.join(" ", f.subList(1, f.size())).replace("\\n", "\n"))); break;
        case "run": run = f; break;
        case "expect": expect.add(String.join(" ", f)); break;
        case "content": contents.put(f.get(0), String.join(" ", f.subList(1, f.size())).replace("\\n", "\n")); break;
        case "xattrs": xattrs.put(f.get(0), f.size() > 1 ? f.get(1) : ""); break;
        case "error": error = String.join(" ", f); break;
        default: fail(name + ": unknown line " + line);
      }
    }
    if (!ignore.isEmpty()) {
      Files.writeString(context.resolve(".dockerignore"), String.join("\n", ignore) + "\n");
    }
    CaseTree.fixDirTimes(context);
    CaseTree.fixDirTimes(stage);
    CaseTree.fixDirTimes(rootfs);
    assertTrue(run != null, name + ": no run line");
    CopyRequest req = parse(run, workdir, heredocs, "Dockerfile:3");
    boolean from = run.stream().anyMatch(t -> t.startsWith("--from"));
    SourceTree src = from ? SourceTree.ofDirectory(stage, ContentHasher.direct(), "stage \"build\"")
        : BuildContext.open(context, null);
    CopyEngine engine = CopyEngine.create(work.resolve("scratch"), Clock.fixed(NOW, ZoneOffset.UTC));
    CopyPlan plan;
    try {
      plan = engine.plan(req, src, scratch ? null : rootfs);
    } catch (CopyException e) {
      if (error == null) {
        throw e;
      }
      assertTrue(e.getMessage().startsWith("Dockerfile:3: "), e.getMessage());
      assertTrue(e.getMessage().contains(error), name + ": expected error containing \"" + error + "\", got: "
          + e.getMessage());
      return;
    }
    if (error != null) {
      fail(name + ": expected error \"" + error + "\" but got entries:\n" + render(plan.entries()));
    }
    assertEquals(String.join("\n", expect), render(plan.entries()), name + ": entries");
    for (Map.Entry<String, String> x : xattrs.entrySet()) {
      LayerEntry e = plan.entries().stream().filter(y -> y.path().equals(x.getKey())).findFirst()
          .orElseThrow(() -> new AssertionError(name + ": no entry " + x.getKey()));
      StringBuilder got = new StringBuilder();
      for (Map.Entry<String, byte[]> a : e.xattrs().entrySet()) {
        got.append(got.length() == 0 ? "" : ",").append(a.getKey()).append('=')
            .append(java.util.HexFormat.of().formatHex(a.getValue()));
      }
      assertEquals(x.getValue(), got.toString(), name + ": xattrs of " + x.getKey());
    }
    for (Map.Entry<String, String> c : contents.entrySet()) {
      LayerEntry e = plan.entries().stream().filter(x -> x.path().equals(c.getKey())).findFirst()
          .orElseThrow(() -> new AssertionError(name + ": no entry " + c.getKey()));
      try (InputStream in = e.content().open()) {
        assertEquals(c.getValue(), new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ": content of " + c.getKey());
      }
    }
  }

  static CopyRequest parse(List<String> run, String workdir, List<HeredocSource> heredocs, String location) {
    List<String> t = new ArrayList<>();
    for (String s : run) {
      t.add(CaseTree.decode(s));
    }
    boolean add = t.remove(0).equals("ADD");
    CopyRequest r = add ? CopyRequest.addOf(location, List.of(), "x") : CopyRequest.copy(location, List.of(), "x");
    List<String> excludes = new ArrayList<>();
    while (!t.isEmpty() && t.get(0).startsWith("--")) {
      String flag = t.remove(0);
      String v = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : "";
      if (flag.startsWith("--chown=")) {
        r = r.withChown(v);
      } else if (flag.startsWith("--chmod=")) {
        r = r.withChmod(v);
      } else if (flag.equals("--parents")) {
        r = r.withParents(true);
      } else if (flag.startsWith("--exclude=")) {
        excludes.add(v);
      } else if (flag.equals("--link")) {
        r = r.withLink(true);
      } else if (flag.startsWith("--checksum=")) {
        r = r.withChecksum(v);
      } else if (flag.startsWith("--unpack=")) {
        r = r.withUnpack(Boolean.parseBoolean(v));
      } else if (flag.equals("--keep-git-dir")) {
        r = r.withKeepGitDir(true);
      } else if (!flag.startsWith("--from")) {
        throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    String dest = t.remove(t.size() - 1);
    return new CopyRequest(location, add, t, heredocs, dest, workdir, r.chown(), r.chmod(), r.parents(), excludes,
        r.link(), r.checksum(), r.unpack(), r.keepGitDir());
  }

  static String render(List<LayerEntry> entries) {
    StringBuilder sb = new StringBuilder();
    for (LayerEntry e : entries) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(e.type()).append(' ').append(e.path().replace(" ", "%20")).append(' ')
          .append(String.format("%04o", e.mode())).append(' ').append(e.uid()).append(':').append(e.gid());
      if (e.type() == EntryType.FILE) {
        sb.append(" size=").append(e.size());
      }
      if (!e.linkTarget().isEmpty()) {
        sb.append(" -> ").append(e.linkTarget().replace(" ", "%20"));
      }
      if (e.type() != EntryType.SYMLINK) {
        sb.append(" t=").append(e.mtime().equals(CaseTree.FIXED) ? "fix" : e.mtime().equals(NOW) ? "now" : "other");
      }
    }
    return sb.toString();
  }
}
