package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler that answers raw bytes: JSON, not JSON, or more than Lambda allows. */
public class RawHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        if (event.contains("\"notjson\"")) {
            output.write("<html>Internal Server Error</html>".getBytes(StandardCharsets.UTF_8));
        } else if (event.contains("\"big\"")) {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            output.write('"');
            for (int i = 0; i < 7; i++) {
                output.write(chunk);
            }
            output.write('"');
        } else {
            output.write("{\"echo\":".getBytes(StandardCharsets.UTF_8));
            output.write(event.getBytes(StandardCharsets.UTF_8));
            output.write('}');
        }
    }
}
