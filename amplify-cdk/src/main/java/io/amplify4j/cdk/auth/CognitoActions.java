package io.amplify4j.cdk.auth;

import io.amplify4j.model.auth.AuthAction;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The IAM actions behind each Cognito administration action a definition may grant a function (Amplify's mapping). */
public final class CognitoActions {
    private CognitoActions() {}

    /** The {@code cognito-idp:} actions of {@code action}. */
    public static List<String> of(AuthAction action) {
        List<String> names = switch (action) {
            case MANAGE_USERS -> List.of("AdminConfirmSignUp", "AdminCreateUser", "AdminDeleteUser",
                    "AdminDeleteUserAttributes", "AdminDisableUser", "AdminEnableUser", "AdminGetUser",
                    "AdminListGroupsForUser", "AdminRespondToAuthChallenge", "AdminSetUserMFAPreference",
                    "AdminSetUserSettings", "AdminUpdateUserAttributes", "AdminUserGlobalSignOut");
            case MANAGE_GROUPS -> List.of("CreateGroup", "DeleteGroup", "GetGroup", "ListGroups", "UpdateGroup");
            case MANAGE_GROUP_MEMBERSHIP -> List.of("AdminAddUserToGroup", "AdminRemoveUserFromGroup");
            case MANAGE_USER_DEVICES -> List.of("AdminForgetDevice", "AdminGetDevice", "AdminListDevices",
                    "AdminUpdateDeviceStatus");
            case MANAGE_PASSWORD_RECOVERY -> List.of("AdminResetUserPassword", "AdminSetUserPassword");
            case ADD_USER_TO_GROUP -> List.of("AdminAddUserToGroup");
            case CREATE_GROUP -> List.of("CreateGroup");
            case CREATE_USER -> List.of("AdminCreateUser");
            case DELETE_GROUP -> List.of("DeleteGroup");
            case DELETE_USER -> List.of("AdminDeleteUser");
            case DELETE_USER_ATTRIBUTES -> List.of("AdminDeleteUserAttributes");
            case DISABLE_USER -> List.of("AdminDisableUser");
            case ENABLE_USER -> List.of("AdminEnableUser");
            case FORGET_DEVICE -> List.of("AdminForgetDevice");
            case GET_DEVICE -> List.of("AdminGetDevice");
            case GET_GROUP -> List.of("GetGroup");
            case GET_USER -> List.of("AdminGetUser");
            case LIST_USERS -> List.of("ListUsers");
            case LIST_USERS_IN_GROUP -> List.of("ListUsersInGroup");
            case LIST_GROUPS -> List.of("ListGroups");
            case LIST_DEVICES -> List.of("AdminListDevices");
            case LIST_GROUPS_FOR_USER -> List.of("AdminListGroupsForUser");
            case REMOVE_USER_FROM_GROUP -> List.of("AdminRemoveUserFromGroup");
            case RESET_USER_PASSWORD -> List.of("AdminResetUserPassword");
            case SET_USER_MFA_PREFERENCE -> List.of("AdminSetUserMFAPreference");
            case SET_USER_PASSWORD -> List.of("AdminSetUserPassword");
            case SET_USER_SETTINGS -> List.of("AdminSetUserSettings");
            case UPDATE_DEVICE_STATUS -> List.of("AdminUpdateDeviceStatus");
            case UPDATE_GROUP -> List.of("UpdateGroup");
            case UPDATE_USER_ATTRIBUTES -> List.of("AdminUpdateUserAttributes");
        };
        return names.stream().map(n -> "cognito-idp:" + n).toList();
    }

    /** The sorted, distinct actions of several grants. */
    public static List<String> of(Collection<AuthAction> actions) {
        TreeSet<String> all = new TreeSet<>();
        actions.forEach(a -> all.addAll(of(a)));
        return List.copyOf(all);
    }
}
