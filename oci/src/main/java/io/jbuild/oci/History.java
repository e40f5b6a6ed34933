package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * One {@code history} entry of an image config (image-spec config.md). {@code emptyLayer} marks steps
 * that produced no layer (ENV, LABEL, ...); entries without it correspond, in order, to the
 * {@code rootfs.diff_ids}. Empty fields are omitted from JSON as Go's {@code omitempty} does.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record History(
    @JsonProperty("created")
        @JsonSerialize(using = JsonCodecs.TimeSerializer.class)
        @JsonDeserialize(using = JsonCodecs.TimeDeserializer.class)
        Instant created,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("author") String author,
    @JsonProperty("comment") String comment,
    @JsonProperty("empty_layer") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean emptyLayer) {

  /** An entry for a step that added a layer. */
  public static History layer(Instant created, String createdBy, String comment) {
    return new History(created, createdBy, null, comment, false);
  }

  /** An entry for a step that changed only the config. */
  public static History emptyLayer(Instant created, String createdBy, String comment) {
    return new History(created, createdBy, null, comment, true);
  }

  public History withCreated(Instant value) {
    return new History(value, createdBy, author, comment, emptyLayer);
  }

  public History withComment(String value) {
    return new History(created, createdBy, author, value, emptyLayer);
  }
}
