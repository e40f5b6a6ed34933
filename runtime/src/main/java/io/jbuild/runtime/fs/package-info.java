/** Path helpers that resolve paths inside a root directory without ever escaping it. */
package io.jbuild.runtime.fs;
