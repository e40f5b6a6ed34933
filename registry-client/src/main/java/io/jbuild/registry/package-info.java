/** jbuild registry-client module. */
package io.jbuild.registry;
