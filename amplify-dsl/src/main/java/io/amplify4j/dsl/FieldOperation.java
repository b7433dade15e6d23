package io.amplify4j.dsl;

import io.amplify4j.model.data.ModelOperation;

/** The operations a field-level rule can be limited to. */
public enum FieldOperation {
    CREATE(ModelOperation.CREATE),
    UPDATE(ModelOperation.UPDATE),
    DELETE(ModelOperation.DELETE),
    READ(ModelOperation.READ);

    private final ModelOperation modelOperation;

    FieldOperation(ModelOperation modelOperation) {
        this.modelOperation = modelOperation;
    }

    ModelOperation toModelOperation() {
        return modelOperation;
    }
}
