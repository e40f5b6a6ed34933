/** The stage graph: which stages a target needs and which can build concurrently. */
package io.jbuild.builder.plan;
