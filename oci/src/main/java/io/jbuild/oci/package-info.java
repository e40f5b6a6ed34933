/** jbuild oci module. */
package io.jbuild.oci;
