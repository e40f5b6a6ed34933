/** Build arguments: {@code --build-arg} parsing, BuildKit's predefined proxy args and automatic platform args. */
package io.jbuild.builder.args;
