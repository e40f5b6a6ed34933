package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.registry.testing.BusyboxImage;
import io.jbuild.registry.testing.Commands;
import io.jbuild.registry.testing.FaultProxy;
import io.jbuild.registry.testing.RegistryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --push}, {@code push}, {@code pull}, {@code inspect} and FROM against the real registry,
 * with skopeo as the independent reader and writer, and a recording proxy to see what went over the wire.
 */
class PushPullIT {
  @TempDir Path tmp;

  @BeforeAll
  static void check() {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
  }

  @Test
  void buildPushThenPushAgainUploadsNoBlob() throws Exception {
    try (RegistryServer registry = RegistryServer.start();
        FaultProxy recorder = FaultProxy.start(registry.port())) {
      String host = registry.host();
      Jbuild user = Jbuild.in(tmp.resolve("u"));
      Path meta = tmp.resolve("meta.json");
      Jbuild.Result built = user.run("-q", "-t", host + "/demo/hello:1", "--push", "--metadata-file", meta.toString(),
          Fixtures.hello().toString());
      assertEquals(0, built.exit(), built.toString());
      String digest = built.stdout().trim();
      assertTrue(digest.matches("sha256:[0-9a-f]{64}"), built.toString());

      JsonNode inspected = Fixtures.skopeoInspect("docker://" + host + "/demo/hello:1", false);
      assertEquals(digest, inspected.get("Digest").asText(), inspected.toString());
      assertEquals(digest, Fixtures.JSON.readTree(meta.toFile()).path("containerimage.digest").asText());

      // --output type=registry is --push by another name
      Jbuild.Result output = user.run("-q", "-t", host + "/demo/hello:2", "--output", "type=registry",
          Fixtures.hello().toString());
      assertEquals(0, output.exit(), output.toString());
      assertEquals(digest, Fixtures.skopeoInspect("docker://" + host + "/demo/hello:2", false).get("Digest").asText());
      JsonNode manifest = Fixtures.skopeoInspect("docker://" + host + "/demo/hello:1", true);
      assertEquals(manifest.get("layers").size(), inspected.get("Layers").size());
      assertFalse(inspected.get("Layers").isEmpty(), inspected.toString());
      JsonNode config = Fixtures.JSON.readTree(Commands.check("skopeo", "inspect", "--tls-verify=false", "--config",
          "docker://" + host + "/demo/hello:1"));
      assertEquals("[\"/usr/local/bin/hello\"]", config.path("config").path("Entrypoint").toString());

      // the same image again, through the recording proxy (same registry, same repository)
      Jbuild.Result again = user.run("push", host + "/demo/hello:1", recorder.host() + "/demo/hello:1");
      assertEquals(0, again.exit(), again.toString());
      assertEquals(digest, again.stdout().trim());
      List<FaultProxy.Request> requests = recorder.requests();
      assertFalse(requests.isEmpty());
      for (FaultProxy.Request r : requests) {
        assertFalse(r.target().contains("/blobs/uploads"), "no upload on the second push: " + requests);
        assertFalse(r.method().equals("GET") && r.target().contains("/blobs/"), "no blob read: " + requests);
      }
      long heads = requests.stream().filter(r -> r.method().equals("HEAD") && r.target().contains("/blobs/")).count();
      assertEquals(manifest.get("layers").size() + 1, heads, "one HEAD per layer and config: " + requests);
    }
  }

  @Test
  void pullWhatSkopeoPushedBuildFromItAndInspect() throws Exception {
    try (RegistryServer registry = RegistryServer.start();
        FaultProxy proxy = FaultProxy.start(registry.port())) {
      String host = registry.host();
      Commands.check("skopeo", "copy", "--dest-tls-verify=false",
          "oci:" + BusyboxImage.layout().toAbsolutePath() + ":latest", "docker://" + host + "/base/busybox:1");
      JsonNode skopeo = Fixtures.skopeoInspect("docker://" + host + "/base/busybox:1", false);
      String busyboxDigest = skopeo.get("Digest").asText();

      Jbuild user = Jbuild.in(tmp.resolve("u"));
      String viaProxy = proxy.host() + "/base/busybox:1";
      Jbuild.Result pulled = user.run("pull", viaProxy);
      assertEquals(0, pulled.exit(), pulled.toString());
      assertEquals(busyboxDigest, pulled.stdout().trim());
      assertTrue(user.run("images").stdout().contains(viaProxy), user.run("images").toString());

      // the pulled image is local now: a build FROM it needs no registry at all
      proxy.close();
      Path ctx = Files.createDirectories(tmp.resolve("ctx"));
      Files.writeString(ctx.resolve("Dockerfile"), "FROM " + viaProxy + "\nCOPY note.txt /note.txt\n");
      Files.writeString(ctx.resolve("note.txt"), "built on a pulled base\n");
      Path out = tmp.resolve("out");
      Jbuild.Result built = user.run("--output", "type=oci,dest=" + out + ",tar=false", "-t", "onbase:1",
          ctx.toString());
      assertEquals(0, built.exit(), built.toString());
      JsonNode ours = Fixtures.JSON.readTree(Commands.check("skopeo", "inspect", "oci:" + out + ":1"));
      List<String> baseLayers = new ArrayList<>();
      skopeo.get("Layers").forEach(l -> baseLayers.add(l.asText()));
      List<String> ourLayers = new ArrayList<>();
      ours.get("Layers").forEach(l -> ourLayers.add(l.asText()));
      assertEquals(baseLayers.size() + 1, ourLayers.size(), ours.toString());
      assertEquals(baseLayers, ourLayers.subList(0, baseLayers.size()), "the base layers come first, unchanged");

      // inspect: local (the store) and remote (the registry) agree on the pulled image
      Jbuild.Result local = user.run("inspect", viaProxy);
      assertEquals(0, local.exit(), local.toString());
      JsonNode localJson = Fixtures.JSON.readTree(local.stdout());
      assertEquals(busyboxDigest, localJson.get("digest").asText());
      Jbuild.Result remote = user.run("inspect", "--remote", host + "/base/busybox:1");
      assertEquals(0, remote.exit(), remote.toString());
      JsonNode remoteJson = Fixtures.JSON.readTree(remote.stdout());
      assertEquals(busyboxDigest, remoteJson.get("digest").asText());
      assertEquals(localJson.get("manifest"), remoteJson.get("manifest"));
      assertEquals(localJson.path("config").path("rootfs"), remoteJson.path("config").path("rootfs"));
      assertEquals(skopeo.get("Architecture").asText(), remoteJson.path("config").path("architecture").asText());

      // a fresh user has nothing local: inspect goes to the registry
      Jbuild fresh = Jbuild.in(tmp.resolve("fresh"));
      Jbuild.Result freshInspect = fresh.run("inspect", host + "/base/busybox:1");
      assertEquals(0, freshInspect.exit(), freshInspect.toString());
      assertEquals(busyboxDigest, Fixtures.JSON.readTree(freshInspect.stdout()).get("digest").asText());

      Jbuild.Result unknown = fresh.run("inspect", host + "/base/busybox:nope");
      Fixtures.assertOneLineError(unknown, 3, "", "MANIFEST_UNKNOWN");
    }
  }
}
