package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports who called and where it runs: the event's identity, the handler's class loader, and whether it can see
 * classes of the sandbox (Jackson) that a deployed Lambda would not have unless it bundled them.
 */
public class WhoAmIHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identity", event.get("identity"));
        out.put("loader", getClass().getClassLoader().getName());
        boolean jackson;
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, getClass().getClassLoader());
            jackson = true;
        } catch (ClassNotFoundException e) {
            jackson = false;
        }
        out.put("seesSandboxJackson", jackson);
        out.put("contextLoader", Thread.currentThread().getContextClassLoader().getName());
        return out;
    }
}
