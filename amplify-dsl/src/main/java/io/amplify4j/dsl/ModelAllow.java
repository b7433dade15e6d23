package io.amplify4j.dsl;

import io.amplify4j.validate.Problems;
import io.amplify4j.model.data.ModelOperation;

/** The rules a model can have. Owner and group fields are handles on fields of that model. */
public final class ModelAllow extends FieldBoundAllow<ModelOperation> {
    ModelAllow(FieldContainer<?> model, String place, Problems problems) {
        super(model, place, problems);
    }
}
