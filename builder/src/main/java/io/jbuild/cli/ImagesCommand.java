package io.jbuild.cli;

import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild images}: lists the named images of the local store. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "List images in the local store.")
final class ImagesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-q", "--quiet"}, description = "Print only image digests")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var images = LocalImageStore.open(JbuildHome.fromEnvironment()).images();
    if (!quiet) {
      out.printf("%-50s %-19s %-19s %s%n", "NAME", "DIGEST", "IMAGE ID", "SIZE");
    }
    for (var i : images) {
      if (quiet) {
        out.println(i.digest());
        continue;
      }
      out.printf("%-50s %-19s %-19s %s%n", i.name(), i.digest().shortHex(),
          i.configDigest() == null ? "<broken>" : i.configDigest().shortHex(), human(i.size()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + "B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.3g%s", v, units[u]);
  }
}
