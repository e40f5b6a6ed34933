/**
 * OCI runtimes (runc, crun) behind the small {@link io.jbuild.runtime.oci.OciRuntime} interface:
 * run a bundle, stream its output line by line, kill and delete the container on every path.
 */
package io.jbuild.runtime.oci;
