package io.jbuild.oci.store;

import io.jbuild.oci.Digest;
import io.jbuild.oci.OciException;

/**
 * Content that does not match its digest (or its announced size): a corrupt store file, a truncated
 * download, a tampered layout. The message names the expected digest and what was found.
 */
public class CorruptBlobException extends OciException {
  private static final long serialVersionUID = 1L;
  private final transient Digest digest;

  public CorruptBlobException(Digest digest, String detail) {
    super("corrupt blob " + digest + ": " + detail);
    this.digest = digest;
  }

  /** The digest the content was expected to have. */
  public Digest digest() {
    return digest;
  }
}
