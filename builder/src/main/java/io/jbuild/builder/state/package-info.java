/** The immutable image state that each build step transforms into a new one. */
package io.jbuild.builder.state;
