/**
 * JSON encoding of the OCI / Docker image model ({@link io.jbuild.oci.json.OciJson}): one configured
 * Jackson mapper, compact deterministic output, clear errors on read.
 */
package io.jbuild.oci.json;
