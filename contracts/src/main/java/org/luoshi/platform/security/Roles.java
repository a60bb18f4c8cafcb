package org.luoshi.platform.security;

/** Realm roles of the Luoshi Keycloak realm (deploy/keycloak). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String OFFICER = "officer";
    public static final String INTEGRATOR = "integrator";
    /** Other Luoshi services, through client-credentials tokens. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
