package io.amplify4j.samples.shop;

/** Where an order is; declared as a GraphQL enum straight from this Java enum. */
public enum OrderStatus {
    PENDING,
    PAID,
    SHIPPED
}
