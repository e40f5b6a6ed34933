package io.jbuild.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.instruction.Onbuild;
import io.jbuild.grammar.instruction.SourceRange;
import io.jbuild.grammar.syntax.Directive;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing a model and parsing the text gives the model back (source ranges aside). */
class DockerfilePrinterProperties {

  @Provide
  Arbitrary<Dockerfile> dockerfiles() {
    return Arbitraries.randomValue(r -> new ModelGenerator(r).dockerfile());
  }

  @Property(tries = 500)
  void printedModelParsesBackToItself(@ForAll("dockerfiles") Dockerfile model) {
    String text = DockerfilePrinter.print(model);
    Dockerfile parsed;
    try {
      parsed = DockerfileParser.parse("Dockerfile", text);
    } catch (DockerfileSyntaxException e) {
      throw new AssertionError(e.getMessage() + " in\n" + text, e);
    }
    assertEquals(withoutRanges(model), withoutRanges(parsed), text);
  }

  static Dockerfile withoutRanges(Dockerfile d) {
    List<Directive> directives = d.directives().stream().map(x -> new Directive(x.name(), x.value(), 0)).toList();
    List<io.jbuild.grammar.instruction.Arg> args = d.globalArgs().stream()
        .map(a -> (io.jbuild.grammar.instruction.Arg) strip(a)).toList();
    List<Stage> stages = d.stages().stream().map(s -> new Stage(s.index(), s.name(),
        (io.jbuild.grammar.instruction.From) strip(s.from()),
        s.instructions().stream().map(DockerfilePrinterProperties::strip).toList())).toList();
    return new Dockerfile(d.escapeChar(), directives, args, stages);
  }

  static Instruction strip(Instruction i) {
    if (i instanceof Onbuild o) {
      return new Onbuild(SourceRange.NONE, o.expression(), o.trigger() == null ? null : strip(o.trigger()));
    }
    return i.withRange(SourceRange.NONE);
  }
}
