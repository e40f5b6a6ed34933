package io.jbuild.builder;

import io.jbuild.builder.image.ImagePusher;
import io.jbuild.builder.output.ExportSubject;
import io.jbuild.builder.output.Exporters;
import io.jbuild.builder.output.OutputSpec;
import io.jbuild.builder.progress.PhaseEvent;
import io.jbuild.builder.progress.ProgressListener;
import io.jbuild.builder.progress.RegistryTransfers;
import io.jbuild.builder.progress.TransferEvent;
import io.jbuild.builder.state.ImageState;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.Descriptor;
import io.jbuild.registry.RegistryClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The end of a build: the final state's config and manifest go into the store (blobs before names,
 * so a crash never leaves a name without content), the {@code -t} names are set, every
 * {@code --output} is written, and with {@code --push} (or {@code type=registry},
 * {@code type=image,push=true}) each name is pushed.
 */
final class Publication {
  private Publication() {}

  /** What was published: the manifest descriptor and the normalised names. */
  record Published(Descriptor manifest, List<String> names) {}

  static Published publish(BuildRequest req, LocalImageStore store, ImageState state,
      Supplier<RegistryClient> registry, ProgressListener progress) throws BuildException {
    Descriptor manifest;
    List<String> names = new ArrayList<>();
    try {
      manifest = store.putImage(state);
      for (String t : req.tags()) {
        names.add(store.tag(t, manifest));
      }
    } catch (IOException e) {
      throw new BuildException("storing the image: " + e.getMessage(), e);
    }
    ExportSubject subject = new ExportSubject(manifest, state, names, store.blobs());
    boolean push = req.push();
    for (OutputSpec spec : req.outputs()) {
      if (spec.type().equals("registry") || (spec.type().equals("image") && spec.flag("push", false))) {
        push = true;
        names.addAll(tagAll(store, spec.attributes().get("name"), manifest));
      } else if (spec.type().equals("image")) {
        names.addAll(tagAll(store, spec.attributes().get("name"), manifest));
      } else {
        Instant start = Instant.now();
        try {
          Exporters.of(spec).export(subject);
          PhaseEvent.of(PhaseEvent.Phase.EXPORT, Duration.between(start, Instant.now())).sendTo(progress);
        } catch (IOException e) {
          throw new BuildException("exporting " + spec.type() + " to " + spec.dest() + ": " + e.getMessage(), e);
        }
      }
    }
    if (push) {
      if (names.isEmpty()) {
        throw new BuildException("--push needs a name: give -t NAME");
      }
      StoredImage img;
      try {
        img = store.read(manifest);
      } catch (IOException e) {
        throw new BuildException("reading the built image: " + e.getMessage(), e);
      }
      Instant start = Instant.now();
      for (String n : names) {
        progress.onMessage("pushing " + n);
        ImagePusher.push(registry.get(), store, img, n, RegistryTransfers.of(progress, TransferEvent.Kind.PUSH));
      }
      PhaseEvent.of(PhaseEvent.Phase.PUSH, Duration.between(start, Instant.now())).sendTo(progress);
    }
    return new Published(manifest, names);
  }

  private static List<String> tagAll(LocalImageStore store, String commaNames, Descriptor manifest)
      throws BuildException {
    List<String> out = new ArrayList<>();
    if (commaNames == null) {
      return out;
    }
    for (String name : commaNames.split(",")) {
      try {
        out.add(store.tag(name.trim(), manifest));
      } catch (IOException e) {
        throw new BuildException("naming the image " + name + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
