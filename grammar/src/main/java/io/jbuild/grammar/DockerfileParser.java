package io.jbuild.grammar;

import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.instruction.Copy;
import io.jbuild.grammar.instruction.From;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.instruction.Instructions;
import io.jbuild.grammar.instruction.Mount;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.syntax.Node;
import io.jbuild.grammar.syntax.SyntaxParser;
import io.jbuild.grammar.syntax.SyntaxTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Dockerfiles as BuildKit does ({@code parser.Parse} then {@code instructions.Parse}, plus the
 * stage checks of its converter). Arbitrary input either parses or raises a {@link
 * DockerfileSyntaxException}; nothing else is thrown.
 *
 * <p>Checks: parser directives, line length, heredocs, JSON forms, every instruction's flags and
 * arguments, at least one FROM, no instruction but ARG before the first FROM, valid stage names,
 * {@code --from=N} indexes that exist, and no stage depending on itself through {@code COPY --from}
 * or {@code RUN --mount=from=} (a name that is no stage is an image reference, as in BuildKit; a
 * later stage may be named).
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /**
   * @param fileName the name used in messages and source ranges ({@code Dockerfile})
   * @param content  the text; a leading byte-order mark is ignored
   * @return the parsed Dockerfile
   * @throws DockerfileSyntaxException when BuildKit would reject the file
   */
  public static Dockerfile parse(String fileName, String content) throws DockerfileSyntaxException {
    SyntaxTree tree = SyntaxParser.parse(fileName, content);
    List<Arg> globalArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    From from = null;
    List<Instruction> current = new ArrayList<>();
    for (Node node : tree.nodes()) {
      Instruction ins = Instructions.fromNode(node, fileName);
      if (ins instanceof From f) {
        if (from != null) {
          stages.add(new Stage(stages.size(), from.stageName(), from, current));
        }
        from = f;
        current = new ArrayList<>();
      } else if (from == null) {
        if (ins instanceof Arg a) {
          globalArgs.add(a);
        } else {
          throw new DockerfileSyntaxException(fileName, node.startLine(), node.column(), "no build stage in current context");
        }
      } else {
        current.add(ins);
      }
    }
    if (from == null) {
      throw new DockerfileSyntaxException(fileName, 1, 1, "dockerfile contains no stages to build");
    }
    stages.add(new Stage(stages.size(), from.stageName(), from, current));
    Dockerfile df = new Dockerfile(tree.escapeChar(), tree.directives(), globalArgs, stages);
    StageReferences.check(df, fileName);
    return df;
  }

  /**
   * Reads a file as UTF-8 (invalid bytes become U+FFFD), then parses it.
   *
   * @param file the Dockerfile
   * @return the parsed Dockerfile
   * @throws IOException when the file cannot be read
   * @throws DockerfileSyntaxException when BuildKit would reject the file
   */
  public static Dockerfile parse(Path file) throws IOException, DockerfileSyntaxException {
    return parse(file.getFileName() == null ? file.toString() : file.getFileName().toString(), Files.readAllBytes(file));
  }

  /**
   * Decodes bytes as UTF-8 (invalid bytes become U+FFFD, a BOM is dropped), then parses them.
   *
   * @param fileName the name used in messages
   * @param bytes    the Dockerfile's bytes
   * @return the parsed Dockerfile
   * @throws DockerfileSyntaxException when BuildKit would reject the file
   */
  public static Dockerfile parse(String fileName, byte[] bytes) throws DockerfileSyntaxException {
    return parse(fileName, decode(bytes));
  }

  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("replacing decoder failed", e);
    }
  }

  /** Stage references of COPY --from and RUN --mount from=: index bounds and cycles. */
  private static final class StageReferences {
    static void check(Dockerfile df, String file) throws DockerfileSyntaxException {
      Map<Integer, List<Integer>> deps = new HashMap<>();
      for (Stage s : df.stages()) {
        List<Integer> d = new ArrayList<>();
        for (Instruction i : s.instructions()) {
          List<String> refs = new ArrayList<>();
          if (i instanceof Copy c && c.from() != null) {
            refs.add(c.from());
          } else if (i instanceof Run r) {
            for (Mount m : r.mounts()) {
              if (m.option("from") != null) {
                refs.add(m.option("from"));
              }
            }
          }
          for (String ref : refs) {
            if (!ref.isEmpty() && ref.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                && (ref.length() > 9 || Integer.parseInt(ref) >= df.stages().size())) {
              throw new DockerfileSyntaxException(file, i.range().startLine(), i.range().column(), "invalid stage index " + ref);
            }
            df.stage(ref).ifPresent(target -> d.add(target.index()));
          }
        }
        deps.put(s.index(), d);
      }
      int[] state = new int[df.stages().size()];
      for (Stage s : df.stages()) {
        Integer cyclic = cycle(s.index(), deps, state);
        if (cyclic != null) {
          Stage c = df.stages().get(cyclic);
          throw new DockerfileSyntaxException(file, c.from().range().startLine(), c.from().range().column(),
              "circular dependency detected on stage: " + (c.name() != null ? c.name() : String.valueOf(c.index())));
        }
      }
    }

    private static Integer cycle(int node, Map<Integer, List<Integer>> deps, int[] state) {
      if (state[node] == 2) {
        return null;
      }
      if (state[node] == 1) {
        return node;
      }
      state[node] = 1;
      for (int next : deps.get(node)) {
        Integer c = cycle(next, deps, state);
        if (c != null) {
          return c;
        }
      }
      state[node] = 2;
      return null;
    }
  }
}
