/** {@code --output} parsing ({@link io.jbuild.builder.output.OutputSpec}) and the exporters. */
package io.jbuild.builder.output;
