package io.jbuild.cli;

import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.json.OciJson;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PulledImage;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild inspect REF}: prints manifest and config as JSON, from the local store or the registry. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show an image's manifest and config (local store first, then the registry).")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegistryFlags registryFlags = new RegistryFlags();

  @Option(names = "--remote", description = "Ask the registry even if the image is stored locally")
  boolean remote;

  @Parameters(index = "0", paramLabel = "REF")
  String ref;

  @Override
  public Integer call() throws Exception {
    RegistryOptions registryOptions = registryFlags.options(); // usage errors before any work
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<StoredImage> local = remote ? Optional.empty()
        : LocalImageStore.open(JbuildHome.fromEnvironment()).find(ref);
    if (local.isPresent()) {
      out.put("name", ref);
      out.put("digest", local.get().descriptor().digest().toString());
      out.put("manifest", tree(local.get().manifest()));
      out.put("config", tree(local.get().config()));
    } else {
      PulledImage p = RegistryClients.create(registryOptions).resolve(ImageReference.parse(ref),
          registryFlags.requestedPlatform().orElse(null));
      out.put("name", p.reference().toString());
      out.put("digest", p.manifestDigest().toString());
      out.put("manifest", OciJson.readTree(p.manifestBytes()));
      out.put("config", OciJson.readTree(p.configBytes()));
    }
    spec.commandLine().getOut().print(new String(Json.pretty(out), java.nio.charset.StandardCharsets.UTF_8));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static Object tree(Object value) throws Exception {
    if (value instanceof ImageManifest || value instanceof ImageConfig) {
      return OciJson.readTree(OciJson.write(value));
    }
    return value;
  }
}
