package io.jbuild.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.registry.testing.BusyboxImage;
import io.jbuild.registry.testing.RegistryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry wiring against Debian's distribution registry: {@code --push} (read back by skopeo),
 * {@code FROM} an image that only the registry has (pulled into the store), {@code jbuild push}.
 */
class RegistryIT {
  @TempDir Path tmp;

  @Test
  void pushFromAndPullRoundTrip() throws Exception {
    try (RegistryServer registry = RegistryServer.start()) {
      String host = registry.host();
      Path homeA = tmp.resolve("a");
      // seed the registry with the busybox image through skopeo
      TestSupport.tool("skopeo", "copy", "--dest-tls-verify=false",
          "oci:" + BusyboxImage.layout().toAbsolutePath() + ":latest", "docker://" + host + "/busybox:1");

      Path ctx = Files.createDirectories(tmp.resolve("ctx"));
      Files.writeString(ctx.resolve("Dockerfile"), "FROM " + host + "/busybox:1\nRUN echo pushed > /p.txt\n");
      TestSupport.Cli built = TestSupport.cli(homeA, Map.of(), "-t", host + "/app:1", "--push", ctx.toString());
      assertEquals(0, built.exit(), built.stderr());
      JsonNode inspected = new ObjectMapper().readTree(TestSupport.tool("skopeo", "inspect", "--tls-verify=false",
          "docker://" + host + "/app:1"));
      assertEquals(2, inspected.get("Layers").size(), inspected.toString());

      // machine B pulls what A pushed, builds on it
      Path homeB = tmp.resolve("b");
      Path ctx2 = Files.createDirectories(tmp.resolve("ctx2"));
      Files.writeString(ctx2.resolve("Dockerfile"), "FROM " + host + "/app:1\nRUN cat /p.txt > /q.txt\n");
      Path out = tmp.resolve("out");
      TestSupport.Cli b = TestSupport.cli(homeB, Map.of(), "--output", "type=oci,dest=" + out + ",tar=false",
          "-t", "b:1", ctx2.toString());
      assertEquals(0, b.exit(), b.stderr());
      Path bundle = tmp.resolve("bundle");
      TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
      assertEquals("pushed\n", Files.readString(bundle.resolve("rootfs/q.txt")));
      assertTrue(TestSupport.cli(homeB, Map.of(), "images").stdout().contains(host + "/app:1"));

      TestSupport.Cli push = TestSupport.cli(homeB, Map.of(), "push", "b:1", host + "/b:copy");
      assertEquals(0, push.exit(), push.stderr());
      assertTrue(push.stdout().startsWith("sha256:"), push.stdout());
      TestSupport.tool("skopeo", "inspect", "--tls-verify=false", "docker://" + host + "/b:copy");
    }
  }
}
