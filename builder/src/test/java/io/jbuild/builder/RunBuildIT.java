package io.jbuild.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.progress.StepEvent;
import io.jbuild.registry.testing.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RUN steps in real containers (runc, overlayfs) on the busybox test image: the demo example,
 * deletions as whiteouts, a failing RUN, a cached rebuild that starts no container, ONBUILD.
 */
class RunBuildIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path home;
  static String base;

  @BeforeAll
  static void setUp() throws Exception {
    home = tmp.resolve("home");
    base = "oci-layout://" + BusyboxImage.layout().toAbsolutePath();
  }

  private static BuildRequest demo(Path out, String tag) throws BuildException {
    return TestSupport.ociDir(TestSupport.example("demo"), out, tag)
        .withBuildArgs(BuildArgs.parse(List.of("BASE=" + base), Map.of()));
  }

  @Test
  void demoBuildsAndUmociSeesTheRunResults() throws Exception {
    Path out = tmp.resolve("demo");
    TestSupport.Built b = TestSupport.build(home, demo(out, "demo:1"));
    assertEquals(0, b.progress().count(StepEvent.State.CACHED));
    Path bundle = tmp.resolve("demo-bundle");
    TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
    Path rootfs = bundle.resolve("rootfs");
    assertEquals("built by jbuild\nhello from the demo\n", TestSupport.read(rootfs.resolve("srv/built.txt")));
    assertEquals("f 640 0:0 36", TestSupport.listing(rootfs).get("srv/built.txt"));
    assertEquals("hello\n", TestSupport.read(rootfs.resolve("var/log/demo/greeting")));
    assertFalse(Files.exists(rootfs.resolve("root")), "RUN rm -rf /root must whiteout /root");
    assertTrue(Files.isRegularFile(rootfs.resolve("bin/busybox")));
    assertFalse(Files.exists(rootfs.resolve("etc/hosts")), "runtime files must not be committed");

    JsonNode config = JSON.readTree(TestSupport.tool("skopeo", "inspect", "--config", "oci:" + out + ":1"));
    String history = config.get("history").toString();
    assertTrue(history.contains("RUN |1 GREETING=hello /bin/sh -c rm -rf /root"), history);
    assertEquals("[\"cat\",\"/srv/built.txt\"]", config.get("config").get("Cmd").toString());

    TestSupport.Built again = TestSupport.build(home, demo(tmp.resolve("demo2"), "demo:2"));
    assertEquals(0, again.progress().count(StepEvent.State.STARTED), "a cached rebuild runs no step");
    assertEquals(0, again.progress().count(StepEvent.State.LOG), "a cached rebuild starts no container");
    assertEquals(6, again.progress().count(StepEvent.State.CACHED));
  }

  @Test
  void aFailingRunNamesCommandExitCodeAndLine() throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("fail"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM " + base + "\nRUN echo before\nRUN exit 3\n");
    BuildException e = assertThrows(BuildException.class,
        () -> TestSupport.build(home, BuildRequest.of(ctx)));
    assertEquals("Dockerfile:3:1: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3",
        e.getMessage());
  }

  @Test
  void runSeesEnvArgsUserAndWorkdirAndReplacesFiles() throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("env"));
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n",
        "FROM " + base,
        "ARG WHO=nobody",
        "ENV PLACE=here",
        "WORKDIR /work/dir",
        "RUN echo \"$WHO $PLACE $(pwd) $(id -u)\" > out.txt && mkdir /etc/x && ln -s out.txt link",
        "RUN rm -r /etc/x && echo file > /etc/x && rm /tmp/.. 2>/dev/null; true",
        "USER 65534",
        "RUN id -u > /tmp/uid || true",
        ""));
    Path out = tmp.resolve("env-out");
    TestSupport.build(home, TestSupport.ociDir(ctx, out, "env:1")
        .withBuildArgs(BuildArgs.parse(List.of("WHO=jbuild"), Map.of())));
    Path bundle = tmp.resolve("env-bundle");
    TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
    Path rootfs = bundle.resolve("rootfs");
    assertEquals("jbuild here /work/dir 0\n", TestSupport.read(rootfs.resolve("work/dir/out.txt")));
    assertEquals("l 777 0:0 out.txt", TestSupport.listing(rootfs).get("work/dir/link"));
    assertEquals("file\n", TestSupport.read(rootfs.resolve("etc/x")), "a directory replaced by a file");
    assertEquals("65534\n", TestSupport.read(rootfs.resolve("tmp/uid")));
    JsonNode config = JSON.readTree(TestSupport.tool("skopeo", "inspect", "--config", "oci:" + out + ":1"));
    assertFalse(config.get("config").get("Env").toString().contains("WHO"), "build args are not persisted");
  }

  @Test
  void onbuildTriggersRunInTheChildBuild() throws Exception {
    Path parent = Files.createDirectories(tmp.resolve("parent"));
    Files.writeString(parent.resolve("Dockerfile"), "FROM " + base + "\nONBUILD RUN echo triggered > /onbuild.txt\n");
    TestSupport.build(home, BuildRequest.of(parent).withTags(List.of("onbuild-parent:1")));
    Path child = Files.createDirectories(tmp.resolve("child"));
    Files.writeString(child.resolve("Dockerfile"), "FROM onbuild-parent:1\nRUN cat /onbuild.txt > /seen.txt\n");
    Path out = tmp.resolve("child-out");
    TestSupport.build(home, TestSupport.ociDir(child, out, "child:1"));
    Path bundle = tmp.resolve("child-bundle");
    TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
    assertEquals("triggered\n", TestSupport.read(bundle.resolve("rootfs/seen.txt")));
    JsonNode config = JSON.readTree(TestSupport.tool("skopeo", "inspect", "--config", "oci:" + out + ":1"));
    assertTrue(config.get("config").path("OnBuild").isMissingNode() || config.get("config").get("OnBuild").isNull(),
        "triggers are consumed by the child");
  }
}
