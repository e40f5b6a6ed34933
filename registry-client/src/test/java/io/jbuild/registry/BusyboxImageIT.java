package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.json.OciJson;
import io.jbuild.registry.testing.BusyboxImage;
import io.jbuild.registry.testing.Commands;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The busybox base image, pushed by skopeo, is pulled by jbuild and a derived image is pushed on top. */
class BusyboxImageIT {
  @TempDir
  Path tmp;

  @Test
  void pullBusyboxPushedBySkopeoAndBuildOnIt() throws Exception {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
    Path layout = BusyboxImage.layout();
    try (RegistryServer registry = RegistryServer.start()) {
      Commands.check("skopeo", "copy", "--dest-tls-verify=false", "oci:" + layout + ":latest",
          "docker://" + registry.host() + "/library/busybox:latest");
      RegistryClient client = RegistryClients.create(RegistryRoundTripIT.testOptions());
      Path store = tmp.resolve("store");
      PulledImage base = client.pull(registry.ref("library/busybox"), null, ContentSinks.ociLayout(store),
          TransferListener.NONE);
      assertEquals("linux", base.platform().os());
      assertTrue(base.layers().size() >= 1);
      for (Descriptor l : base.layers()) {
        assertTrue(Files.size(store.resolve("blobs/sha256/" + l.digest().hex())) == l.size());
      }

      // build on it: base layers + one new layer, base layers mounted from library/busybox
      TestImages.Image extra = TestImages.random(51, 3000);
      List<Descriptor> layers = new ArrayList<>(base.layers());
      layers.add(extra.layers().get(0).descriptor());
      JsonNode config = new ObjectMapper().readTree(base.configBytes());
      ((com.fasterxml.jackson.databind.node.ArrayNode) config.path("rootfs").path("diff_ids"))
          .add(Digest.sha256(TestImages.class.getName().getBytes()).toString());
      byte[] configBytes = new ObjectMapper().writeValueAsBytes(config);
      Descriptor configDesc = Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(configBytes), configBytes.length);
      byte[] manifest = OciJson.write(ImageManifest.oci(configDesc, layers));
      List<BlobSource> blobs = new ArrayList<>();
      Map<Digest, String> mounts = new HashMap<>();
      for (Descriptor l : base.layers()) {
        blobs.add(BlobSources.ofFile(l, store.resolve("blobs/sha256/" + l.digest().hex())));
        mounts.put(l.digest(), "library/busybox");
      }
      blobs.add(extra.layers().get(0).source());
      blobs.add(BlobSources.ofBytes(MediaTypes.OCI_CONFIG, configBytes));
      RecordingListener listener = new RecordingListener();
      Digest pushed = client.push(registry.ref("derived:1"), new PushRequest(blobs, MediaTypes.OCI_MANIFEST,
          manifest, List.of(), mounts), listener);
      for (Descriptor l : base.layers()) {
        assertEquals(TransferListener.Skip.MOUNTED, listener.skipped.get(l.digest()));
      }
      JsonNode inspect = new ObjectMapper().readTree(Commands.check("skopeo", "inspect", "--tls-verify=false",
          "docker://" + registry.host() + "/derived:1"));
      assertEquals(pushed.toString(), inspect.path("Digest").asText());
      assertEquals(layers.size(), inspect.path("Layers").size());
    }
  }
}
