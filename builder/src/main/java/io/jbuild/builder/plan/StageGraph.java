package io.jbuild.builder.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dependency graph of a Dockerfile's stages. A reference names a stage when it equals the
 * (case-insensitive) name of an EARLIER stage or is the decimal index of an earlier stage; anything
 * else is an image reference (as BuildKit resolves {@code FROM} and {@code COPY --from}).
 */
public final class StageGraph {
  private final List<StageNode> stages;
  private final Map<String, Integer> byName = new TreeMap<>();
  private final List<List<Integer>> deps = new ArrayList<>();

  private StageGraph(List<StageNode> stages) {
    this.stages = List.copyOf(stages);
    for (StageNode s : this.stages) {
      List<Integer> d = new ArrayList<>();
      for (String ref : s.references()) {
        int target = resolve(ref, s.index());
        if (target >= 0 && !d.contains(target)) {
          d.add(target);
        }
      }
      deps.add(List.copyOf(d));
      if (s.name() != null) {
        byName.put(s.name().toLowerCase(Locale.ROOT), s.index());
      }
    }
  }

  public static StageGraph of(List<StageNode> stages) {
    return new StageGraph(stages);
  }

  /**
   * The stage a reference made from stage {@code from} names, or -1 when it is an image. Only
   * earlier stages can be named.
   */
  public int resolve(String ref, int from) {
    if (ref == null) {
      return -1;
    }
    String lower = ref.toLowerCase(Locale.ROOT);
    for (int i = from - 1; i >= 0; i--) {
      String n = stages.get(i).name();
      if (n != null && n.toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    if (lower.matches("\\d{1,9}")) {
      int idx = Integer.parseInt(lower);
      if (idx < from) {
        return idx;
      }
    }
    return -1;
  }

  /** The index of the stage named (or numbered) {@code target}, or -1. */
  public int find(String target) {
    Integer i = byName.get(target.toLowerCase(Locale.ROOT));
    if (i != null) {
      return i;
    }
    if (target.matches("\\d{1,9}") && Integer.parseInt(target) < stages.size()) {
      return Integer.parseInt(target);
    }
    return -1;
  }

  /** The direct stage dependencies of stage {@code index}. */
  public List<Integer> dependencies(int index) {
    return deps.get(index);
  }

  /** The stages {@code target} needs (itself included), in index order. */
  public List<Integer> needed(int target) {
    BitSet seen = new BitSet();
    List<Integer> stack = new ArrayList<>(List.of(target));
    while (!stack.isEmpty()) {
      int i = stack.remove(stack.size() - 1);
      if (!seen.get(i)) {
        seen.set(i);
        stack.addAll(deps.get(i));
      }
    }
    List<Integer> out = new ArrayList<>();
    seen.stream().forEach(out::add);
    return out;
  }

  public int size() {
    return stages.size();
  }

  public StageNode stage(int index) {
    return stages.get(index);
  }
}
