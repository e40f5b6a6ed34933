package io.jbuild.grammar.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.DockerfilePrinter;
import io.jbuild.grammar.Stage;
import io.jbuild.grammar.instruction.Add;
import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.instruction.ArgDeclaration;
import io.jbuild.grammar.instruction.Cmd;
import io.jbuild.grammar.instruction.Command;
import io.jbuild.grammar.instruction.Copy;
import io.jbuild.grammar.instruction.Entrypoint;
import io.jbuild.grammar.instruction.Env;
import io.jbuild.grammar.instruction.Expose;
import io.jbuild.grammar.instruction.From;
import io.jbuild.grammar.instruction.Healthcheck;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.instruction.InstructionVisitor;
import io.jbuild.grammar.instruction.KeyValue;
import io.jbuild.grammar.instruction.Label;
import io.jbuild.grammar.instruction.Maintainer;
import io.jbuild.grammar.instruction.Mount;
import io.jbuild.grammar.instruction.Onbuild;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.instruction.Shell;
import io.jbuild.grammar.instruction.Stopsignal;
import io.jbuild.grammar.instruction.User;
import io.jbuild.grammar.instruction.Volume;
import io.jbuild.grammar.instruction.Workdir;
import io.jbuild.grammar.syntax.Directive;
import io.jbuild.grammar.syntax.Heredoc;
import java.time.Duration;
import java.util.List;

/**
 * The JSON document of {@code jbuild parse --json}:
 *
 * <pre>{@code
 * {"directives": {"syntax": "docker/dockerfile:1"},
 *  "args": [{"name": "VERSION", "default": "1.0" | null, "line": 1}],
 *  "stages": [{"index": 0, "name": "build" | null, "base": "golang:${VERSION}", "platform": null,
 *              "line": 3, "endLine": 3,
 *              "instructions": [{"instruction": "RUN", "line": 4, "endLine": 6, ...fields...}]}]}
 * }</pre>
 *
 * Values are raw (unexpanded, quotes kept). Instruction fields are the record components in
 * camelCase; absent optional values are {@code null}; commands are {@code "form": "exec"|"shell"}
 * with {@code "command"} an array (exec) or a string (shell); durations are Go-style strings.
 */
public final class DockerfileJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DockerfileJson() {}

  /**
   * @param dockerfile a parsed Dockerfile
   * @return the JSON document, pretty-printed, without a final newline
   */
  public static String write(Dockerfile dockerfile) {
    try {
      return MAPPER.writeValueAsString(tree(dockerfile));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  /** @return the document as a Jackson tree */
  public static ObjectNode tree(Dockerfile dockerfile) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode directives = root.putObject("directives");
    for (Directive d : dockerfile.directives()) {
      directives.put(d.name(), d.value());
    }
    ArrayNode args = root.putArray("args");
    for (Arg a : dockerfile.globalArgs()) {
      for (ArgDeclaration d : a.declarations()) {
        args.addObject().put("name", d.name()).put("default", d.defaultValue()).put("line", a.range().startLine());
      }
    }
    ArrayNode stages = root.putArray("stages");
    for (Stage s : dockerfile.stages()) {
      ObjectNode o = stages.addObject();
      From f = s.from();
      o.put("index", s.index()).put("name", s.name()).put("base", f.image()).put("platform", f.platform())
          .put("line", f.range().startLine()).put("endLine", f.range().endLine());
      ArrayNode list = o.putArray("instructions");
      for (Instruction i : s.instructions()) {
        list.add(instruction(i));
      }
    }
    return root;
  }

  /** @return one instruction as a JSON object */
  public static ObjectNode instruction(Instruction i) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("instruction", i.keyword()).put("line", i.range().startLine()).put("endLine", i.range().endLine());
    i.accept(new Fields(o));
    return o;
  }

  private static final class Fields implements InstructionVisitor<ObjectNode> {
    private final ObjectNode o;

    Fields(ObjectNode o) {
      this.o = o;
    }

    @Override
    public ObjectNode visitFrom(From i) {
      return o.put("image", i.image()).put("stageName", i.stageName()).put("platform", i.platform());
    }

    @Override
    public ObjectNode visitRun(Run i) {
      command(i.command());
      ArrayNode mounts = o.putArray("mounts");
      for (Mount m : i.mounts()) {
        ObjectNode mo = mounts.addObject().put("raw", m.raw()).put("type", m.type());
        ObjectNode opts = mo.putObject("options");
        m.options().forEach(op -> opts.put(op.key(), op.value()));
      }
      o.put("network", i.network()).put("security", i.security());
      return heredocs(i.heredocs());
    }

    @Override
    public ObjectNode visitCmd(Cmd i) {
      return command(i.command());
    }

    @Override
    public ObjectNode visitEntrypoint(Entrypoint i) {
      return command(i.command());
    }

    @Override
    public ObjectNode visitShell(Shell i) {
      return command(i.command());
    }

    @Override
    public ObjectNode visitEnv(Env i) {
      return pairs(i.pairs());
    }

    @Override
    public ObjectNode visitLabel(Label i) {
      return pairs(i.pairs());
    }

    @Override
    public ObjectNode visitMaintainer(Maintainer i) {
      return o.put("name", i.name());
    }

    @Override
    public ObjectNode visitExpose(Expose i) {
      strings("ports", i.ports());
      return o;
    }

    @Override
    public ObjectNode visitAdd(Add i) {
      strings("sources", i.sources());
      o.put("destination", i.destination()).put("chown", i.chown()).put("chmod", i.chmod()).put("link", i.link())
          .put("keepGitDir", i.keepGitDir()).put("checksum", i.checksum());
      strings("excludes", i.excludes());
      o.put("unpack", i.unpack());
      return heredocs(i.heredocs());
    }

    @Override
    public ObjectNode visitCopy(Copy i) {
      strings("sources", i.sources());
      o.put("destination", i.destination()).put("from", i.from()).put("chown", i.chown()).put("chmod", i.chmod())
          .put("link", i.link()).put("parents", i.parents());
      strings("excludes", i.excludes());
      return heredocs(i.heredocs());
    }

    @Override
    public ObjectNode visitVolume(Volume i) {
      strings("paths", i.paths());
      return o;
    }

    @Override
    public ObjectNode visitUser(User i) {
      return o.put("user", i.user());
    }

    @Override
    public ObjectNode visitWorkdir(Workdir i) {
      return o.put("path", i.path());
    }

    @Override
    public ObjectNode visitArg(Arg i) {
      ArrayNode a = o.putArray("args");
      for (ArgDeclaration d : i.declarations()) {
        a.addObject().put("name", d.name()).put("default", d.defaultValue());
      }
      return o;
    }

    @Override
    public ObjectNode visitOnbuild(Onbuild i) {
      o.put("expression", i.expression());
      if (i.trigger() == null) {
        o.putNull("trigger");
      } else {
        o.set("trigger", instruction(i.trigger()));
      }
      return o;
    }

    @Override
    public ObjectNode visitStopsignal(Stopsignal i) {
      return o.put("signal", i.signal());
    }

    @Override
    public ObjectNode visitHealthcheck(Healthcheck i) {
      o.put("none", i.none());
      if (i.test() == null) {
        o.putNull("form");
        o.putNull("command");
      } else {
        command(i.test());
      }
      duration("interval", i.interval());
      duration("timeout", i.timeout());
      duration("startPeriod", i.startPeriod());
      duration("startInterval", i.startInterval());
      return o.put("retries", i.retries());
    }

    private void duration(String name, Duration d) {
      o.put(name, d.isZero() ? null : DockerfilePrinter.formatDuration(d));
    }

    private ObjectNode command(Command c) {
      o.put("form", c.execForm() ? "exec" : "shell");
      if (c.execForm()) {
        strings("command", c.arguments());
      } else {
        o.put("command", c.shellText());
      }
      return o;
    }

    private ObjectNode pairs(List<KeyValue> pairs) {
      ArrayNode a = o.putArray("pairs");
      pairs.forEach(kv -> a.addObject().put("key", kv.key()).put("value", kv.value()));
      return o;
    }

    private void strings(String name, List<String> values) {
      ArrayNode a = o.putArray(name);
      values.forEach(a::add);
    }

    private ObjectNode heredocs(List<Heredoc> docs) {
      ArrayNode a = o.putArray("heredocs");
      for (Heredoc h : docs) {
        a.addObject().put("name", h.name()).put("fileDescriptor", h.fileDescriptor()).put("expand", h.expand())
            .put("chomp", h.chomp()).put("content", h.content());
      }
      return o;
    }
  }
}
