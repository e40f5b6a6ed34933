package io.jbuild.builder.plan;

import java.util.List;

/**
 * A stage as the planner sees it: its index, its name (lower-cased, null when unnamed) and the
 * references it makes to other stages or images, in order: the FROM base, {@code COPY --from}
 * values and {@code RUN --mount from=} values (after expansion).
 */
public record StageNode(int index, String name, List<String> references) {
  public StageNode {
    references = List.copyOf(references);
  }
}
