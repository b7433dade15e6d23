package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/**
 * Auth triggers: pre sign-up refuses user names starting with {@code blocked}; pre token generation adds a
 * {@code tier} claim, removes {@code email} from the ID token, tries to override {@code sub} (which Cognito never
 * allows), and puts the user in {@code VIP}.
 */
public class SignUpTriggers implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String source = String.valueOf(event.get("triggerSource"));
        String user = String.valueOf(event.get("userName"));
        if (source.startsWith("PreSignUp") && user.startsWith("blocked")) {
            throw new IllegalArgumentException("Sign-ups from " + user + " are closed");
        }
        if (source.startsWith("TokenGeneration")) {
            Map<String, Object> response = (Map<String, Object>) event.get("response");
            response.put("claimsOverrideDetails", Map.of(
                    "claimsToAddOrOverride", Map.of("tier", "gold", "sub", "someone-else"),
                    "claimsToSuppress", List.of("email"),
                    "groupOverrideDetails", Map.of("groupsToOverride", List.of("VIP"))));
        }
        return event;
    }
}
