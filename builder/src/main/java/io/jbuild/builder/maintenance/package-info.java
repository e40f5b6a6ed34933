/**
 * Keeping a {@code $JBUILD_HOME} shared by many builds healthy: {@link io.jbuild.builder.maintenance.StoreLock}
 * (builds hold it shared, maintenance exclusive), {@link io.jbuild.builder.maintenance.StoreVerifier}
 * ({@code jbuild cache verify [--repair]}), {@link io.jbuild.builder.maintenance.Pruner}
 * ({@code jbuild prune}) and {@link io.jbuild.builder.maintenance.DiskUsage} ({@code jbuild du}).
 * Everything here reads the store layout documented in {@link io.jbuild.builder.store.JbuildHome}
 * and never deletes a path outside it.
 */
package io.jbuild.builder.maintenance;
