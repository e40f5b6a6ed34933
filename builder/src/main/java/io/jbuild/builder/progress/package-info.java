/** Build progress events and their renderers ({@code --progress=plain}, quiet, recording for tests). */
package io.jbuild.builder.progress;
