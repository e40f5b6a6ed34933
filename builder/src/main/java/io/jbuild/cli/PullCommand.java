package io.jbuild.cli;

import io.jbuild.builder.image.ImageResolver;
import io.jbuild.builder.progress.PlainProgress;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.Platform;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild pull REF}: pulls an image into the local store and names it. */
@Command(name = "pull", mixinStandardHelpOptions = true, description = "Pull an image into the local store and unpack its layers for builds.")
final class PullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegistryFlags registryFlags = new RegistryFlags();

  @Parameters(index = "0", paramLabel = "REF")
  String ref;

  @Override
  public Integer call() throws Exception {
    RegistryOptions registryOptions = registryFlags.options(); // usage errors before any work
    LocalImageStore store = LocalImageStore.open(JbuildHome.fromEnvironment());
    Platform p = registryFlags.platform();
    StoredImage img = new ImageResolver(store, () -> RegistryClients.create(registryOptions),
        new PlainProgress(System.err)).pull(ref, p);
    // as docker pull unpacks: the first build on this image then extracts nothing
    store.layers().extractAll(img.manifest().layers(), img.config().rootfs().diffIds());
    spec.commandLine().getOut().println(img.descriptor().digest());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
