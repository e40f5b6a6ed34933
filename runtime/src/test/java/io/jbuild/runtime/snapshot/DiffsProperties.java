package io.jbuild.runtime.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DiffsProperties {
  @Provide
  Arbitrary<List<String>> pathLists() {
    Arbitrary<String> comp = Arbitraries.of("a", "a.b", "a-b", "b", "A", "a0");
    return comp.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l)).list().ofMaxSize(30);
  }

  @Property(tries = 300)
  void parentsComeBeforeTheirEntries(@ForAll("pathLists") List<String> paths) {
    List<String> sorted = new ArrayList<>(paths);
    sorted.sort(Diffs.PATH_ORDER);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        assertTrue(!sorted.get(i).startsWith(sorted.get(j) + "/"), sorted.get(j) + " after its entry " + sorted.get(i));
      }
    }
    for (int i = 0; i + 1 < sorted.size(); i++) {
      assertTrue(Diffs.PATH_ORDER.compare(sorted.get(i), sorted.get(i + 1)) <= 0);
    }
  }

  @Test
  void hardlinksPointToTheFirstEntryInPathOrder() {
    DiffEntry b = entry("d/b");
    DiffEntry a = entry("d/a");
    DiffEntry c = entry("c");
    List<DiffEntry> out = Diffs.finish(List.of(b, a, c), Map.of("d/b", 7L, "d/a", 7L, "c", 8L));
    assertEquals(List.of("c", "d/a", "d/b"), out.stream().map(DiffEntry::path).toList());
    assertNull(out.get(0).hardlinkTo());
    assertNull(out.get(1).hardlinkTo());
    assertEquals("d/a", out.get(2).hardlinkTo());
  }

  @Property(tries = 300)
  void linkedUnchangedKeepsExactlyTheFilesSharingAChangedInode(
      @ForAll("inodeMaps") Map<String, Long> changed, @ForAll("inodeMaps") Map<String, Long> unchanged) {
    Set<String> kept = Diffs.linkedUnchanged(changed, unchanged);
    for (Map.Entry<String, Long> u : unchanged.entrySet()) {
      assertEquals(changed.containsValue(u.getValue()), kept.contains(u.getKey()), u.getKey());
    }
    assertTrue(unchanged.keySet().containsAll(kept), "only unchanged paths are kept: " + kept);
  }

  @Provide
  Arbitrary<Map<String, Long>> inodeMaps() {
    return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
        Arbitraries.longs().between(1, 6)).ofMaxSize(8);
  }

  @Test
  void aLinkToAnUnchangedFileKeepsTheFileAsTheFirstName() {
    Set<String> kept = Diffs.linkedUnchanged(Map.of("passwd-link", 5L, "other", 6L), Map.of("etc/passwd", 5L, "etc/group", 7L));
    assertEquals(Set.of("etc/passwd"), kept);
    List<DiffEntry> out = Diffs.finish(List.of(entry("passwd-link"), entry("etc/passwd")),
        Map.of("passwd-link", 5L, "etc/passwd", 5L));
    assertNull(out.get(0).hardlinkTo());
    assertEquals("etc/passwd", out.get(1).hardlinkTo());
  }

  private static DiffEntry entry(String path) {
    return new DiffEntry(
        path, DiffEntry.Kind.ADDED_OR_MODIFIED, FileType.REGULAR, 0644, 0, 0, FileTime.fromMillis(0), 1, null,
        null, 0, 0, List.of(), Path.of("/x"));
  }
}
