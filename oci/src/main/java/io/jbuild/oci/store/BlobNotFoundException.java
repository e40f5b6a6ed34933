package io.jbuild.oci.store;

import io.jbuild.oci.Digest;
import io.jbuild.oci.OciException;

/** A blob that a {@link BlobSource} does not have. */
public class BlobNotFoundException extends OciException {
  private static final long serialVersionUID = 1L;
  private final transient Digest digest;

  public BlobNotFoundException(Digest digest, String where) {
    super("blob " + digest + " not found in " + where);
    this.digest = digest;
  }

  /** The missing blob. */
  public Digest digest() {
    return digest;
  }
}
