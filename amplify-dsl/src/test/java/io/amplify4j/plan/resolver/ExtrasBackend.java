package io.amplify4j.plan.resolver;

import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.ListField;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.StringField;
import io.amplify4j.dsl.TokenProvider;
import io.amplify4j.model.BackendModel;
import java.util.List;

/**
 * What the fixtures leave out of the resolvers: hasOne, a relationship on a three-field key (a composite GSI sort
 * key), owner transfer, co-owner lists, an OIDC owner rule and a pipeline of two custom JS handlers.
 */
public final class ExtrasBackend implements BackendDefinition {
    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("extras");
        backend.auth().loginWithEmail();
        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.apiKey(7).oidc("partners", "https://login.partners.example.com",
                "extras", 0, 0));

        ModelBuilder person = data.model("Person");
        person.string("name").required();
        ModelBuilder passport = data.model("Passport");
        StringField personId = passport.id("personId").required();
        passport.string("number").required();
        person.hasOne("passport", passport, personId);
        passport.belongsTo("person", person, personId);
        person.authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(READ)));
        passport.authorization(allow -> List.of(allow.owner()));

        ModelBuilder shipment = data.model("Shipment");
        StringField carrier = shipment.string("carrier").required();
        var day = shipment.date("day").required();
        var seq = shipment.integer("seq").required();
        shipment.identifier(carrier, day, seq);
        ModelBuilder parcel = data.model("Parcel");
        StringField parcelCarrier = parcel.string("carrier").required();
        var parcelDay = parcel.date("day").required();
        var parcelSeq = parcel.integer("seq").required();
        parcel.floating("weight");
        shipment.hasMany("parcels", parcel, parcelCarrier, parcelDay, parcelSeq);
        parcel.belongsTo("shipment", shipment, parcelCarrier, parcelDay, parcelSeq);
        shipment.authorization(allow -> List.of(allow.authenticated()));
        parcel.authorization(allow -> List.of(allow.authenticated()));

        ModelBuilder document = data.model("Document");
        document.string("title").required();
        ListField<String> editors = document.string("editors").array();
        document.authorization(allow -> List.of(
                allow.owner().allowOwnerTransfer(),
                allow.ownersDefinedIn(editors).to(READ, io.amplify4j.model.data.ModelOperation.UPDATE),
                allow.owner().provider(TokenProvider.OIDC).identityClaim("sub").to(READ)));

        data.mutation("archiveDocument")
                .argument("id", DataType.id().required())
                .returns(DataType.ref(document))
                .customHandler("src/main/js/archive/check.js")
                .customHandler("src/main/js/archive/write.js", document)
                .authorization(allow -> List.of(allow.authenticated()));
        return backend.build();
    }
}
