package io.amplify4j.sandbox.iam;

import io.amplify4j.sandbox.runtime.Caller;

/** Turns a SigV4-signed AppSync request into its caller, or refuses it. */
@FunctionalInterface
public interface IamCallers {

    /** The caller who signed {@code request} for {@code appsync}; refused when the signature does not verify. */
    Caller caller(SignedRequest request) throws SignatureException;
}
