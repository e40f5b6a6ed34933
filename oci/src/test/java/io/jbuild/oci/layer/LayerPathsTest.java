package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LayerPathsTest {
  @Test
  void cleaning() {
    assertEquals("a/b", LayerPaths.clean("/a//./b/"));
    assertEquals("a", LayerPaths.clean("./a"));
    assertEquals("", LayerPaths.cleanOrEmpty("/./"));
    for (String bad : List.of("../a", "a/../b", "..", "", "/", "a\0b")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerPaths.clean(bad));
      assertTrue(e.getMessage().startsWith("invalid layer path"), e.getMessage());
    }
  }

  @Test
  void orderPutsDirectoriesRightBeforeTheirContents() {
    List<String> paths = new ArrayList<>(List.of("a-b", "a/b", "a", "a/.wh..wh..opq", "a/-x", "a/.wh.z", "b",
        "é", "z", "a/b/c"));
    paths.sort(LayerPaths.ORDER);
    assertEquals(List.of("a", "a/.wh..wh..opq", "a/-x", "a/.wh.z", "a/b", "a/b/c", "a-b", "b", "z", "é"), paths);
  }

  @Property
  void orderIsATotalOrderConsistentWithEquals(@ForAll("paths") String a, @ForAll("paths") String b) {
    int ab = Integer.signum(LayerPaths.ORDER.compare(a, b));
    assertEquals(-ab, Integer.signum(LayerPaths.ORDER.compare(b, a)));
    assertEquals(a.equals(b), ab == 0);
    if (b.startsWith(a + "/")) {
      assertEquals(-1, ab, "a parent sorts before its contents");
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> paths() {
    return net.jqwik.api.Arbitraries.of("a", "b", "a-b", ".wh..wh..opq", ".wh.a", "é", "A", "a.b")
        .list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
  }
}
