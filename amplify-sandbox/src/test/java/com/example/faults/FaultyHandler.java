package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A handler that misbehaves on request ({@code arguments.mode}): D16's faults, as user code would commit them. */
public class FaultyHandler implements RequestHandler<Map<String, Object>, Object> {
    @Override
    @SuppressWarnings("unchecked")
    public Object handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> arguments = (Map<String, Object>) event.get("arguments");
        String mode = String.valueOf(arguments.get("mode"));
        switch (mode) {
            case "ok":
                return "fine";
            case "throw":
                throw new IllegalStateException("Cannot open /var/lib/shop/secret/ledger.db for "
                        + context.getFunctionName() + "\n\tat com.example.faults.FaultyHandler.open(FaultyHandler.java:1)");
            case "timeout":
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "too late";
            case "oom":
                long[] huge = new long[Integer.MAX_VALUE];
                return huge.length;
            case "overflow":
                return recurse(1);
            case "unserializable":
                return new Object() {
                    public Object getSelf() {
                        return this;
                    }
                };
            default:
                throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
