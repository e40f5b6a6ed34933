package io.jbuild.grammar.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.grammar.Corpus;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.DockerfileParser;
import org.junit.jupiter.api.Test;

class DockerfileJsonTest {
  private static Dockerfile sample() throws Exception {
    return DockerfileParser.parse(Corpus.repo().resolve("testdata/parse/multistage.Dockerfile"));
  }

  @Test
  void documentHasArgsStagesAndInstructionFields() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(DockerfileJson.write(sample()));
    assertEquals("docker/dockerfile:1", doc.get("directives").get("syntax").asText());
    assertEquals("GO_VERSION", doc.get("args").get(0).get("name").asText());
    assertEquals("1.22", doc.get("args").get(0).get("default").asText());
    assertTrue(doc.get("args").get(1).get("default").isNull());
    JsonNode build = doc.get("stages").get(0);
    assertEquals("build", build.get("name").asText());
    assertEquals("golang:${GO_VERSION}", build.get("base").asText());
    assertEquals("$BUILDPLATFORM", build.get("platform").asText());
    assertEquals(7, build.get("line").asInt());
    JsonNode run = build.get("instructions").get(2);
    assertEquals("RUN", run.get("instruction").asText());
    assertEquals(10, run.get("line").asInt());
    assertEquals(13, run.get("endLine").asInt());
    assertEquals("shell", run.get("form").asText());
    assertEquals("go build -o /out/app ./cmd/app", run.get("command").asText());
    assertEquals("cache", run.get("mounts").get(0).get("type").asText());
    assertEquals("/root/.cache/go-build", run.get("mounts").get(0).get("options").get("target").asText());
    JsonNode runtime = doc.get("stages").get(1);
    assertTrue(runtime.get("platform").isNull());
    JsonNode copy = runtime.get("instructions").get(2);
    assertEquals("build", copy.get("from").asText());
    assertEquals("/app/bin/app", copy.get("destination").asText());
    assertEquals("/out/app", copy.get("sources").get(0).asText());
    JsonNode heredoc = runtime.get("instructions").get(3).get("heredocs").get(0);
    assertEquals("EOF", heredoc.get("name").asText());
    assertEquals("hello from $APP_HOME\n", heredoc.get("content").asText());
    JsonNode health = runtime.get("instructions").get(8);
    assertEquals("30s", health.get("interval").asText());
    assertEquals("exec", health.get("form").asText());
    assertEquals("-health", health.get("command").get(1).asText());
    JsonNode onbuild = runtime.get("instructions").get(10);
    assertEquals("RUN", onbuild.get("trigger").get("instruction").asText());
  }

  @Test
  void textFormListsStagesAndLines() throws Exception {
    String text = DockerfileText.write(sample());
    assertTrue(text.startsWith("syntax: docker/dockerfile:1\ncheck: skip=JSONArgsRecommended\nglobal args:\n  4: ARG GO_VERSION=1.22\n"), text);
    assertTrue(text.contains("stage 0 build: golang:${GO_VERSION} [platform $BUILDPLATFORM] (line 7)\n"), text);
    assertTrue(text.contains("stage 1 runtime: busybox (line 15)\n"), text);
    assertTrue(text.contains("  20: COPY <<EOF /etc/motd (+2 heredoc lines)\n"), text);
  }
}
