package io.jbuild.cli;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.image.ImagePusher;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.Digest;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.TransferListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild push NAME [DEST]}: pushes a stored image to its registry (or to DEST). */
@Command(name = "push", mixinStandardHelpOptions = true, description = "Push an image of the local store.")
final class PushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegistryConnectionFlags registryFlags = new RegistryConnectionFlags();

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DEST")
  String dest;

  @Override
  public Integer call() throws Exception {
    RegistryOptions registryOptions = registryFlags.options(); // usage errors before any work
    LocalImageStore store = LocalImageStore.open(JbuildHome.fromEnvironment());
    StoredImage img = store.find(name).orElseThrow(() -> new BuildException("no such image: " + name));
    Digest d = ImagePusher.push(RegistryClients.create(registryOptions), store, img,
        dest == null ? name : dest, TransferListener.NONE);
    spec.commandLine().getOut().println(d);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
