package io.jbuild.builder.remotecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.state.ImageState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session a build holds, over local layouts (no registry): record, export, import into another home. */
class CacheSessionTest {
  @TempDir Path tmp;

  @Test
  void recordsOnlyWhenExportingAndRoundTripsThroughALayout() throws Exception {
    CacheFixtures a = CacheFixtures.machine(tmp.resolve("a"));
    ImageState s1 = a.step(a.base, "one", "1");
    CacheKey k1 = CacheFixtures.key(a.baseKey, "RUN one");
    StepCache localA = new StepCache(a.store.home().cache());

    CacheSession none = CacheSession.open(List.of(), List.of(), localA, a.store.blobs(), () -> null, s -> { });
    none.record("x", k1, s1);
    assertTrue(none.recorded().isEmpty(), "nothing kept without --cache-to");

    Path dir = tmp.resolve("layout");
    List<String> messages = new ArrayList<>();
    CacheSession export = CacheSession.open(List.of(), List.of(CacheSpec.parseTo("type=local,dest=" + dir)), localA,
        a.store.blobs(), () -> null, messages::add);
    assertTrue(export.export(s1).isEmpty(), "nothing recorded, nothing exported");
    assertFalse(Files.exists(dir.resolve("index.json")));
    export.record("x", k1, s1);
    export.record("x", k1, s1);
    assertEquals(1, export.recorded().size());
    assertEquals(1, export.export(s1).get(0).steps());

    CacheFixtures b = CacheFixtures.machine(tmp.resolve("b"));
    StepCache localB = new StepCache(b.store.home().cache());
    CacheSession imp = CacheSession.open(List.of(CacheSpec.parseFrom("type=local,src=" + dir)), List.of(), localB,
        b.store.blobs(), () -> null, s -> { });
    assertEquals(s1, imp.find(k1).orElseThrow());
    assertTrue(imp.find(CacheFixtures.key(a.baseKey, "RUN two")).isEmpty());
    assertEquals(s1, localB.get(k1, s -> true).orElseThrow(), "materialised into the local step cache");
  }

  @Test
  void exportFailureIsABuildErrorUnlessIgnored() throws Exception {
    CacheFixtures a = CacheFixtures.machine(tmp.resolve("a"));
    ImageState s1 = a.step(a.base, "one", "1");
    CacheKey k1 = CacheFixtures.key(a.baseKey, "RUN one");
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    StepCache local = new StepCache(a.store.home().cache());
    CacheSession strict = CacheSession.open(List.of(), List.of(CacheSpec.parseTo("type=local,dest=" + file)), local,
        a.store.blobs(), () -> null, s -> { });
    strict.record("x", k1, s1);
    BuildException e = assertThrows(BuildException.class, () -> strict.export(s1));
    assertTrue(e.getMessage().startsWith("exporting cache to " + file), e.getMessage());

    List<String> messages = new ArrayList<>();
    CacheSession lenient = CacheSession.open(List.of(),
        List.of(CacheSpec.parseTo("type=local,dest=" + file + ",ignore-error=true")), local, a.store.blobs(),
        () -> null, messages::add);
    lenient.record("x", k1, s1);
    assertTrue(lenient.export(s1).isEmpty());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("warning: exporting cache to")), messages.toString());
  }
}
