/** jbuild runtime module. */
package io.jbuild.runtime;
