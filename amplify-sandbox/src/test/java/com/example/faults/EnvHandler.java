package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Reads its configuration the way Lambda handlers do, with {@code System.getenv}, in every usual form. */
public class EnvHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Read once, when the class initializes, as handlers often do. */
    private static final String ENDPOINT = System.getenv("amplifyData_GRAPHQL_ENDPOINT");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("greeting", System.getenv("GREETING"));
        out.put("token", System.getenv("API_TOKEN"));
        out.put("endpoint", ENDPOINT);
        out.put("functionName", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        out.put("region", System.getenv().get("AWS_REGION"));
        out.put("home", System.getenv("HOME"));
        out.put("path", System.getenv().containsKey("PATH"));
        Function<String, String> lookup = System::getenv;
        out.put("viaMethodReference", lookup.apply("GREETING"));
        AtomicReference<String> fromThread = new AtomicReference<>();
        Thread thread = new Thread(() -> fromThread.set(System.getenv("GREETING")));
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.put("fromThread", fromThread.get());
        return out;
    }
}
