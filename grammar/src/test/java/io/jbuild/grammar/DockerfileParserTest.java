package io.jbuild.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.instruction.Add;
import io.jbuild.grammar.instruction.ArgDeclaration;
import io.jbuild.grammar.instruction.Cmd;
import io.jbuild.grammar.instruction.Command;
import io.jbuild.grammar.instruction.Copy;
import io.jbuild.grammar.instruction.Env;
import io.jbuild.grammar.instruction.Healthcheck;
import io.jbuild.grammar.instruction.KeyValue;
import io.jbuild.grammar.instruction.Onbuild;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.instruction.Shell;
import io.jbuild.grammar.instruction.SourceRange;
import io.jbuild.grammar.instruction.Volume;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileParserTest {
  private static final Path SAMPLES = Corpus.repo().resolve("testdata/parse");

  private static Dockerfile parse(String text) throws DockerfileSyntaxException {
    return DockerfileParser.parse("Dockerfile", text);
  }

  private static String error(String text) {
    return assertThrows(DockerfileSyntaxException.class, () -> parse(text)).getMessage();
  }

  @Test
  void multistageSample() throws Exception {
    Dockerfile df = DockerfileParser.parse(SAMPLES.resolve("multistage.Dockerfile"));
    assertEquals("docker/dockerfile:1", df.directive("syntax").orElseThrow());
    assertEquals("skip=JSONArgsRecommended", df.directive("CHECK").orElseThrow());
    assertEquals(List.of(new ArgDeclaration("GO_VERSION", "1.22")), df.globalArgs().get(0).declarations());
    assertEquals(List.of(new ArgDeclaration("BASE", null)), df.globalArgs().get(1).declarations());
    assertEquals(2, df.stages().size());
    Stage build = df.stages().get(0);
    assertEquals("build", build.name());
    assertEquals("golang:${GO_VERSION}", build.base());
    assertEquals("$BUILDPLATFORM", build.from().platform());
    Run run = (Run) build.instructions().get(2);
    assertEquals(new SourceRange("multistage.Dockerfile", 10, 13, 1), run.range());
    assertEquals(List.of("cache", "bind"), run.mounts().stream().map(m -> m.type()).toList());
    assertEquals("/root/.cache/go-build", run.mounts().get(0).target());
    assertEquals(Command.shell("go build -o /out/app ./cmd/app"), run.command());

    Stage runtime = df.stages().get(1);
    assertEquals(df.lastStage(), runtime);
    assertEquals(runtime, df.stage("RUNTIME").orElseThrow());
    assertEquals(build, df.stage("0").orElseThrow());
    assertTrue(df.stage("alpine").isEmpty());
    Env env = (Env) runtime.instructions().get(0);
    assertEquals(List.of(new KeyValue("APP_HOME", "/app"), new KeyValue("PATH", "\"/app/bin:$PATH\"")), env.pairs());
    Copy copy = (Copy) runtime.instructions().get(2);
    assertEquals("build", copy.from());
    assertEquals("1000:1000", copy.chown());
    assertEquals("755", copy.chmod());
    Copy heredocCopy = (Copy) runtime.instructions().get(3);
    assertEquals(List.of("<<EOF"), heredocCopy.sources());
    assertEquals("hello from $APP_HOME\n", heredocCopy.heredocs().get(0).content());
    Run script = (Run) runtime.instructions().get(4);
    assertFalse(script.heredocs().get(0).expand());
    assertEquals("echo \"no $expansion here\"\n", script.heredocs().get(0).effectiveContent());
    Healthcheck hc = (Healthcheck) runtime.instructions().get(8);
    assertEquals(Duration.ofSeconds(30), hc.interval());
    assertEquals(Duration.ofSeconds(3), hc.timeout());
    assertEquals(3, hc.retries());
    assertEquals(Command.exec(List.of("/app/bin/app", "-health")), hc.test());
    Onbuild onbuild = (Onbuild) runtime.instructions().get(10);
    assertEquals("RUN echo triggered", onbuild.expression());
    assertEquals(Command.shell("echo triggered"), ((Run) onbuild.trigger()).command());
    assertEquals(Command.exec(List.of("/bin/sh", "-c")), ((Shell) runtime.instructions().get(11)).command());
    assertEquals(Command.exec(List.of("--help")), ((Cmd) runtime.instructions().get(13)).command());
  }

  @Test
  void backtickEscapeSample() throws Exception {
    Dockerfile df = DockerfileParser.parse(SAMPLES.resolve("windows.Dockerfile"));
    assertEquals('`', df.escapeChar());
    Run run = (Run) df.stages().get(0).instructions().get(1);
    assertEquals(Command.shell("Write-Host     'hello' ;     Write-Host 'world'"), run.command());
  }

  @Test
  void unknownInstructionSample() throws Exception {
    DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class,
        () -> DockerfileParser.parse(SAMPLES.resolve("invalid-instruction.Dockerfile")));
    assertEquals("invalid-instruction.Dockerfile:4:1: unknown instruction: RUNN (did you mean RUN?)", e.getMessage());
    assertEquals(4, e.line());
    assertEquals(1, e.column());
    assertEquals("invalid-instruction.Dockerfile", e.file());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      FROM a\\nENV PATH                              | Dockerfile:2:1: ENV must have two arguments
      FROM a\\nENV =x                                | Dockerfile:2:1: ENV names can not be blank
      FROM a\\nLABEL                                 | Dockerfile:2:1: LABEL requires at least one argument
      RUN x                                         | Dockerfile:1:1: no build stage in current context
      ARG A=1                                       | Dockerfile:1:1: dockerfile contains no stages to build
      FROM a AS 1st                                 | Dockerfile:1:1: invalid name for build stage: "1st", name can't start with a number or contain symbols
      FROM a b                                      | Dockerfile:1:1: FROM requires either one or three arguments
      FROM --platfrom=x a                           | Dockerfile:1:1: unknown flag: platfrom (did you mean platform?)
      FROM a\\nCOPY --from=a --from=b x y            | Dockerfile:2:1: duplicate flag specified: from
      FROM a\\nCOPY --link=maybe x y                 | Dockerfile:2:1: expecting boolean value for flag link, not: maybe
      FROM a\\nCOPY x                                | Dockerfile:2:1: COPY requires at least two arguments, but only one was provided. Destination could not be determined
      FROM a\\nCOPY x <<EOF\\nEOF                    | Dockerfile:2:1: COPY cannot accept a heredoc as a destination
      FROM a\\nADD --keep-git-dir=yes x y            | Dockerfile:2:1: expecting boolean value for flag keep-git-dir, not: yes
      FROM a\\nSHELL sh -c                           | Dockerfile:2:1: SHELL requires the arguments to be in JSON form
      FROM a\\nSHELL []                              | Dockerfile:2:1: SHELL requires at least one argument
      FROM a\\nCMD [1]                               | Dockerfile:2:1: when using JSON array syntax, arrays must be comprised of strings only
      FROM a\\nWORKDIR                               | Dockerfile:2:1: WORKDIR requires exactly one argument
      FROM a\\nUSER                                  | Dockerfile:2:1: USER requires exactly one argument
      FROM a\\nVOLUME                                | Dockerfile:2:1: VOLUME requires at least one argument
      FROM a\\nEXPOSE                                | Dockerfile:2:1: EXPOSE requires at least one argument
      FROM a\\nARG =x                                | Dockerfile:2:1: ARG names can not be blank
      FROM a\\nONBUILD ONBUILD RUN x                 | Dockerfile:2:1: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed
      FROM a\\nONBUILD FROM b                        | Dockerfile:2:1: FROM isn't allowed as an ONBUILD trigger
      FROM a\\nHEALTHCHECK NONE x                    | Dockerfile:2:1: HEALTHCHECK NONE takes no arguments
      FROM a\\nHEALTHCHECK CMD                       | Dockerfile:2:1: Missing command after HEALTHCHECK CMD
      FROM a\\nHEALTHCHECK TEST x                    | Dockerfile:2:1: Unknown type "TEST" in HEALTHCHECK (try CMD)
      FROM a\\nHEALTHCHECK --interval=1us CMD x      | Dockerfile:2:1: Interval "interval" cannot be less than 1ms
      FROM a\\nHEALTHCHECK --timeout=3 CMD x         | Dockerfile:2:1: time: missing unit in duration "3"
      FROM a\\nHEALTHCHECK --retries=-1 CMD x        | Dockerfile:2:1: --retries cannot be negative (-1)
      FROM a\\nHEALTHCHECK --retries=x CMD x         | Dockerfile:2:1: strconv.ParseInt: parsing "x": invalid syntax
      FROM a\\nRUN --network=bridge x                | Dockerfile:2:1: unsupported network mode "bridge"
      FROM a\\nRUN --mount=type=bind,from=$X x       | Dockerfile:2:1: 'from' doesn't support variable expansion, define alias stage instead
      FROM a\\nRUN --mount=a\\"b x                   | Dockerfile:2:1: failed to parse csv mounts: bare \" in non-quoted-field
      FROM a\\nRUN <<EOF\\necho                      | Dockerfile:2:1: unterminated heredoc
      FROM a\\nCOPY --from=3 x y                     | Dockerfile:2:1: invalid stage index 3
      FROM a AS x\\nCOPY --from=y a b\\nFROM b AS y\\nCOPY --from=x a b | Dockerfile:1:1: circular dependency detected on stage: x
      # escape=x\\nFROM a                            | Dockerfile:1:1: invalid escape token 'x' does not match ` or \\
      # escape=`\\n# ESCAPE=\\\\\\nFROM a            | Dockerfile:2:1: only one escape parser directive can be used
      # just a comment                              | Dockerfile:1:1: file with no instructions
      FROM a\\nLABEL a=b c                           | Dockerfile:2:1: Syntax error - can't find = in "c". Must be of the form: name=value
      FROM a\\n  BOGUS                               | Dockerfile:2:3: unknown instruction: BOGUS
      """)
  void rejectsAsBuildKit(String text, String message) {
    assertEquals(message, error(text.replace("\\n", "\n")));
  }

  @Test
  void laterStageNamesAndImagesAreValidReferences() throws Exception {
    Dockerfile df = parse("FROM a AS one\nCOPY --from=two /x /y\nCOPY --from=alpine:3 /x /y\nFROM b AS two\nRUN true\n");
    assertEquals(2, df.stages().size());
    assertEquals("two", df.stage(((Copy) df.stages().get(0).instructions().get(0)).from()).orElseThrow().name());
  }

  @Test
  void onbuildWithInvalidTriggerIsKeptLikeBuildKit() throws Exception {
    Onbuild o = (Onbuild) parse("FROM a\nONBUILD BOGUS x\n").stages().get(0).instructions().get(0);
    assertEquals("BOGUS x", o.expression());
    assertNull(o.trigger());
  }

  @Test
  void onbuildTriggerWithHeredoc() throws Exception {
    Onbuild o = (Onbuild) parse("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nUSER x\n").stages().get(0).instructions().get(0);
    assertEquals("RUN <<EOF\necho hi\nEOF", o.expression());
    Run trigger = (Run) o.trigger();
    assertEquals("echo hi\n", trigger.heredocs().get(0).content());
    assertEquals(new SourceRange("Dockerfile", 2, 4, 1), o.range());
  }

  @Test
  void addFlagsAndVolumeTrimming() throws Exception {
    Dockerfile df = parse("FROM a\nADD --checksum=sha256:abc --exclude=*.md --exclude=x --unpack=false --link https://e/x.tgz /d/\n"
        + "VOLUME [\" /data \"]\n");
    Add add = (Add) df.stages().get(0).instructions().get(0);
    assertEquals("sha256:abc", add.checksum());
    assertEquals(List.of("*.md", "x"), add.excludes());
    assertEquals(Boolean.FALSE, add.unpack());
    assertTrue(add.link());
    assertEquals(List.of("/data"), ((Volume) df.stages().get(0).instructions().get(1)).paths());
  }

  @Test
  void bomAndInvalidUtf8AreHandled() throws Exception {
    byte[] bytes = "\uFEFFFROM a\nLABEL x=\u00ff\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("a", DockerfileParser.parse("Dockerfile", bytes).stages().get(0).base());
    byte[] invalid = {'F', 'R', 'O', 'M', ' ', (byte) 0xC3, '\n'};
    assertEquals("\uFFFD", DockerfileParser.parse("Dockerfile", invalid).stages().get(0).base());
  }

  @Test
  void healthcheckNoneAndShellForm() throws Exception {
    Dockerfile df = parse("FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --start-period=1m30s --start-interval=500ms CMD curl -f http://x/\n");
    Healthcheck none = (Healthcheck) df.stages().get(0).instructions().get(0);
    assertTrue(none.none());
    assertNull(none.test());
    Healthcheck cmd = (Healthcheck) df.stages().get(0).instructions().get(1);
    assertEquals(Command.shell("curl -f http://x/"), cmd.test());
    assertEquals(Duration.ofSeconds(90), cmd.startPeriod());
    assertEquals(Duration.ofMillis(500), cmd.startInterval());
  }
}
