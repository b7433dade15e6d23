package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The shop's nightly {@code restock} function, a stream handler: it reads the scheduled event's raw JSON and
 * answers a small JSON report. Keeps the events it received for tests.
 */
public class RestockHandler implements RequestStreamHandler {
    /** The raw events received, newest last (for tests). */
    public static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        EVENTS.add(event);
        context.getLogger().log("restock run by " + context.getFunctionName());
        output.write(("{\"restocked\":true,\"function\":\"" + context.getFunctionName() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
