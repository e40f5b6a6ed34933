package io.jbuild.oci.layout;

import io.jbuild.oci.Descriptor;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of an image layout's {@code index.json}: a manifest (or index) descriptor and its names.
 * {@code imageName} is the full name ({@code docker.io/library/demo:1}), written as
 * {@value #IMAGE_NAME_ANNOTATION} as BuildKit's {@code type=oci} exporter does and used for
 * {@code RepoTags} of docker archives; {@code refName} is the image-spec's
 * {@value #REF_NAME_ANNOTATION} (the tag). Either may be null.
 */
public record LayoutEntry(Descriptor manifest, String imageName, String refName) {
  /** image-spec annotations.md: the reference (tag) of a manifest in a layout. */
  public static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";
  /** containerd's full image name annotation, written by BuildKit. */
  public static final String IMAGE_NAME_ANNOTATION = "io.containerd.image.name";

  public LayoutEntry {
    if (manifest == null) {
      throw new IllegalArgumentException("layout entry without a manifest descriptor");
    }
    imageName = imageName == null || imageName.isEmpty() ? null : imageName;
    refName = refName == null || refName.isEmpty() ? null : refName;
  }

  /** An unnamed entry. */
  public static LayoutEntry of(Descriptor manifest) {
    return new LayoutEntry(manifest, null, null);
  }

  /** An entry named {@code imageName}; the ref name is its tag ({@code latest} when it has none). */
  public static LayoutEntry named(Descriptor manifest, String imageName) {
    return new LayoutEntry(manifest, imageName, ImageNames.tagOf(imageName));
  }

  /** An entry with only a ref name (what {@code skopeo copy ... oci:DIR:tag} writes). */
  public static LayoutEntry tagged(Descriptor manifest, String tag) {
    return new LayoutEntry(manifest, null, tag);
  }

  /** The descriptor as written in {@code index.json}: the manifest's plus the name annotations. */
  public Descriptor indexDescriptor() {
    Map<String, String> annotations = new TreeMap<>(manifest.annotations());
    if (imageName != null) {
      annotations.put(IMAGE_NAME_ANNOTATION, imageName);
    }
    if (refName != null) {
      annotations.put(REF_NAME_ANNOTATION, refName);
    }
    return manifest.withAnnotations(annotations);
  }
}
