package io.jbuild.cli;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild rmi NAME...}: removes names from the local store (blobs go with {@code prune}). */
@Command(name = "rmi", mixinStandardHelpOptions = true, description = "Remove image names from the local store.")
final class RmiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "NAME")
  List<String> names;

  @Override
  public Integer call() throws Exception {
    LocalImageStore store = LocalImageStore.open(JbuildHome.fromEnvironment());
    for (String n : names) {
      if (!store.remove(n)) {
        throw new BuildException("no such image: " + n);
      }
      spec.commandLine().getOut().println("Untagged: " + n);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
