package com.example.shop;

/** One recommended product, the shape of the {@code Recommendation} custom type. */
public class Recommendation {
    private final String sku;
    private final double score;

    public Recommendation(String sku, double score) {
        this.sku = sku;
        this.score = score;
    }

    public String getSku() {
        return sku;
    }

    public double getScore() {
        return score;
    }
}
