package io.amplify4j.model.function;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** A function's handler and where its code comes from. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FunctionCode.Java.class, name = "java"),
    @JsonSubTypes.Type(value = FunctionCode.Asset.class, name = "asset")
})
public sealed interface FunctionCode {

    /**
     * A Java handler: a class implementing a Lambda handler, and the jar or class directory holding it.
     *
     * @param handlerClass the fully qualified class name
     * @param artifact the jar file or build output directory, relative to the project directory or absolute
     * @param runtime the Java runtime
     */
    record Java(String handlerClass, String artifact, JavaRuntime runtime) implements FunctionCode {
        public Java {
            Objects.requireNonNull(handlerClass, "handlerClass");
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(runtime, "runtime");
        }
    }

    /**
     * A Node.js or Python handler from an asset folder.
     *
     * @param directory the folder holding the code, relative to the project directory or absolute
     * @param handler the handler, for example {@code index.handler}
     * @param runtime the runtime
     */
    record Asset(String directory, String handler, AssetRuntime runtime) implements FunctionCode {
        public Asset {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(runtime, "runtime");
        }
    }

    enum JavaRuntime {
        JAVA_17("java17"),
        JAVA_21("java21");

        private final String lambdaName;

        JavaRuntime(String lambdaName) {
            this.lambdaName = lambdaName;
        }

        public String lambdaName() {
            return lambdaName;
        }
    }

    enum AssetRuntime {
        NODEJS_20("nodejs20.x"),
        NODEJS_22("nodejs22.x"),
        PYTHON_3_12("python3.12"),
        PYTHON_3_13("python3.13");

        private final String lambdaName;

        AssetRuntime(String lambdaName) {
            this.lambdaName = lambdaName;
        }

        public String lambdaName() {
            return lambdaName;
        }
    }
}
