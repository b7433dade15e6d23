package io.amplify4j.client.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link com.fasterxml.jackson.databind.JsonNode} property as AppSync's {@code AWSJSON}: a JSON-encoded
 * string on the wire. The same as annotating it with {@link AwsJsonSerializer} and {@link AwsJsonDeserializer}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = AwsJsonSerializer.class)
@JsonDeserialize(using = AwsJsonDeserializer.class)
public @interface AwsJson {}
