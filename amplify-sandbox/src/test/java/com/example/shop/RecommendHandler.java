package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The shop's {@code recommend} function: products a customer may like, starting from one product. A plain Lambda
 * handler with a bean input and a bean list output, as it would be deployed. It keeps the events it received so
 * that tests can compare them with what AppSync sends.
 */
public class RecommendHandler implements RequestHandler<AppSyncEvent, List<Recommendation>> {
    /** The events received, newest last (for tests). */
    public static final BlockingQueue<AppSyncEvent> EVENTS = new LinkedBlockingQueue<>();
    /** The contexts received, newest last (for tests). */
    public static final BlockingQueue<String> CONTEXTS = new LinkedBlockingQueue<>();

    private static final List<String> CATALOG = List.of("CHAI-1", "EARL-1", "CHUN-1", "SENCHA-1", "ROOIBOS-1",
            "MATE-1", "OOLONG-1");

    private int invocations;

    @Override
    public List<Recommendation> handleRequest(AppSyncEvent event, Context context) {
        EVENTS.add(event);
        invocations++;
        context.getLogger().log("recommend for " + event.getArguments().get("sku") + ", invocation " + invocations
                + ", loader=" + getClass().getClassLoader().getName());
        CONTEXTS.add(context.getFunctionName() + " " + context.getInvokedFunctionArn() + " "
                + context.getMemoryLimitInMB() + " " + (context.getRemainingTimeInMillis() > 0) + " "
                + (context.getAwsRequestId() != null) + " instance-invocation=" + invocations);
        String sku = String.valueOf(event.getArguments().get("sku"));
        Object limitArgument = event.getArguments().get("limit");
        int limit = limitArgument instanceof Number n ? n.intValue() : 5;
        List<Recommendation> out = new ArrayList<>();
        double score = 0.9;
        for (String candidate : CATALOG) {
            if (out.size() >= limit) {
                break;
            }
            if (!candidate.equals(sku)) {
                out.add(new Recommendation(candidate, score));
                score = Math.round((score - 0.1) * 10) / 10.0;
            }
        }
        return out;
    }
}
