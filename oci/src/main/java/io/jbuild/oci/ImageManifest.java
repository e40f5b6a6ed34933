package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An image manifest: OCI ({@link MediaTypes#OCI_MANIFEST}) or Docker schema2
 * ({@link MediaTypes#DOCKER_MANIFEST}); both share this shape. Layers are listed base first.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageManifest(
    int schemaVersion,
    String mediaType,
    String artifactType,
    Descriptor config,
    List<Descriptor> layers,
    Descriptor subject,
    Map<String, String> annotations) {

  public ImageManifest {
    layers = layers == null ? List.of() : List.copyOf(layers);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public static ImageManifest oci(Descriptor config, List<Descriptor> layers) {
    return new ImageManifest(2, MediaTypes.OCI_MANIFEST, null, config, layers, null, null);
  }
}
