package io.jbuild.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.builder.output.OutputSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other exporters: docker archive, local directory, filesystem tar, OCI tar. */
class OutputsIT {
  @TempDir Path tmp;

  @Test
  void everyExporterWritesWhatItsReaderExpects() throws Exception {
    Path ctx = TestSupport.example("hello");
    Path docker = tmp.resolve("img-docker.tar");
    Path local = tmp.resolve("local");
    Path fsTar = tmp.resolve("fs.tar");
    Path ociTar = tmp.resolve("img-oci.tar");
    TestSupport.build(tmp.resolve("home"), BuildRequest.of(ctx).withTags(List.of("out:1")).withOutputs(List.of(
        OutputSpec.parse("type=docker,dest=" + docker),
        OutputSpec.parse("type=local,dest=" + local),
        OutputSpec.parse("type=tar,dest=" + fsTar),
        OutputSpec.parse("type=oci,dest=" + ociTar))));

    String dockerList = TestSupport.tool("tar", "-tf", docker.toString());
    assertTrue(dockerList.contains("manifest.json"), dockerList);
    Path unpacked = Files.createDirectories(tmp.resolve("docker-x"));
    TestSupport.tool("tar", "-xf", docker.toString(), "-C", unpacked.toString());
    JsonNode manifest = new ObjectMapper().readTree(unpacked.resolve("manifest.json").toFile());
    assertEquals("docker.io/library/out:1", manifest.get(0).get("RepoTags").get(0).asText().replace("out:1",
        "docker.io/library/out:1").replace("docker.io/library/docker.io/library/", "docker.io/library/"));
    assertEquals(4, manifest.get(0).get("Layers").size());

    Map<String, String> files = TestSupport.listing(local);
    assertEquals("f 755 0:0 35", files.get("usr/local/bin/hello"));
    assertEquals("l 777 0:0 index.html", files.get("app/default.html"));

    String fsList = TestSupport.tool("tar", "-tvf", fsTar.toString());
    assertTrue(fsList.contains("usr/local/bin/hello"), fsList);
    assertTrue(fsList.contains("app/default.html -> index.html"), fsList);

    String inspected = TestSupport.tool("skopeo", "inspect", "--config", "oci-archive:" + ociTar + ":1");
    assertTrue(inspected.contains("\"WorkingDir\": \"/app\""), inspected);
  }
}
