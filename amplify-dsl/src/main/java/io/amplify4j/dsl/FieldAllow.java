package io.amplify4j.dsl;

import io.amplify4j.validate.Problems;
/** The rules a field can have: the model rules, limited to create, update, delete and read. */
public final class FieldAllow extends FieldBoundAllow<FieldOperation> {
    FieldAllow(FieldContainer<?> model, String place, Problems problems) {
        super(model, place, problems);
    }
}
