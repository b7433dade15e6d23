package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The shop's Lambda authorizer for partners: tokens {@code partner-<id>} are allowed with {@code resolverContext}
 * {@code {partnerId}}, unless the partner has been revoked; {@code partner-<id>-readonly} also gets
 * {@code deniedFields}; anything else is denied. Keeps the events it received for tests.
 */
public class PartnerAuthorizer implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Partners whose tokens are no longer allowed (tests revoke them). */
    public static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();
    /** The events received, newest last (for tests). */
    public static final BlockingQueue<Map<String, Object>> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        EVENTS.add(event);
        String token = String.valueOf(event.get("authorizationToken"));
        Map<String, Object> response = new LinkedHashMap<>();
        if (!token.startsWith("partner-")) {
            response.put("isAuthorized", false);
            return response;
        }
        String partner = token.substring("partner-".length());
        boolean readOnly = partner.endsWith("-readonly");
        if (readOnly) {
            partner = partner.substring(0, partner.length() - "-readonly".length());
        }
        response.put("isAuthorized", !REVOKED.contains(partner));
        response.put("resolverContext", Map.of("partnerId", partner));
        if (readOnly) {
            response.put("deniedFields", List.of("Query.getSupportTicket",
                    "arn:aws:appsync:us-east-1:123456789012:apis/another-api/types/Query/fields/listSupportTickets"));
        }
        return response;
    }
}
