// Structural schemas for the Keycloak Operator's k8s.keycloak.org/v2alpha1 kinds. No npm package ships their CRDs
// (or models), and the CRDs are published only with the operator, so these are written here from the operator's
// documented API (Keycloak 26): every field of spec is listed by name, and the parts Luoshi uses (db, http,
// hostname, proxy, ingress, resources) are checked field by field; other fields are accepted as objects.
// The realm inside KeycloakRealmImport is checked here for its shape and by realm-import.mjs for its content.

const secretKeySelector = {
  type: "object",
  required: ["name", "key"],
  additionalProperties: false,
  properties: { name: { type: "string", minLength: 1 }, key: { type: "string", minLength: 1 }, optional: { type: "boolean" } },
};

const quantity = { anyOf: [{ type: "string", pattern: "^[0-9.]+([eE][0-9]+|[kMGTPE]i?|m)?$" }, { type: "integer" }] };
const resources = {
  type: "object",
  additionalProperties: false,
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
    claims: { type: "array" },
  },
};

const metadata = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 },
    namespace: { type: "string" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
};

const anyObject = { type: "object" };

export const keycloakSchema = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "k8s.keycloak.org/v2alpha1" },
    kind: { const: "Keycloak" },
    metadata,
    spec: {
      type: "object",
      additionalProperties: false,
      properties: {
        instances: { type: "integer", minimum: 1 },
        image: { type: "string" },
        imagePullSecrets: { type: "array" },
        startOptimized: { type: "boolean" },
        additionalOptions: {
          type: "array",
          items: {
            type: "object",
            required: ["name"],
            additionalProperties: false,
            properties: { name: { type: "string" }, value: { type: "string" }, secret: secretKeySelector },
          },
        },
        db: {
          type: "object",
          additionalProperties: false,
          required: ["vendor"],
          properties: {
            vendor: { enum: ["dev-file", "dev-mem", "postgres", "mysql", "mariadb", "mssql", "oracle"] },
            host: { type: "string" },
            port: { type: "integer", minimum: 1, maximum: 65535 },
            database: { type: "string" },
            schema: { type: "string" },
            url: { type: "string" },
            usernameSecret: secretKeySelector,
            passwordSecret: secretKeySelector,
            poolInitialSize: { type: "integer" },
            poolMinSize: { type: "integer" },
            poolMaxSize: { type: "integer" },
          },
        },
        http: {
          type: "object",
          additionalProperties: false,
          properties: {
            httpEnabled: { type: "boolean" },
            httpPort: { type: "integer" },
            httpsPort: { type: "integer" },
            tlsSecret: { type: "string" },
            annotations: anyObject,
            labels: anyObject,
          },
        },
        httpManagement: { type: "object", additionalProperties: false, properties: { port: { type: "integer" } } },
        hostname: {
          type: "object",
          additionalProperties: false,
          properties: {
            hostname: { type: "string", pattern: "^(https?://)?[a-zA-Z0-9.-]+(:[0-9]+)?(/.*)?$" },
            admin: { type: "string" },
            adminUrl: { type: "string" },
            backchannelDynamic: { type: "boolean" },
            strict: { type: "boolean" },
            strictBackchannel: { type: "boolean" },
          },
        },
        proxy: {
          type: "object",
          additionalProperties: false,
          properties: { headers: { enum: ["forwarded", "xforwarded"] } },
        },
        ingress: {
          type: "object",
          additionalProperties: false,
          properties: {
            enabled: { type: "boolean" },
            className: { type: "string" },
            annotations: { type: "object", additionalProperties: { type: "string" } },
            labels: { type: "object", additionalProperties: { type: "string" } },
            tlsSecret: { type: "string" },
          },
        },
        features: {
          type: "object",
          additionalProperties: false,
          properties: { enabled: { type: "array", items: { type: "string" } }, disabled: { type: "array", items: { type: "string" } } },
        },
        resources,
        bootstrapAdmin: anyObject,
        cache: anyObject,
        scheduling: anyObject,
        transaction: anyObject,
        truststores: anyObject,
        unsupported: anyObject,
        networkPolicy: anyObject,
        import: anyObject,
        tracing: anyObject,
        update: anyObject,
        env: { type: "array" },
        serviceMonitor: anyObject,
        livenessProbe: anyObject,
        readinessProbe: anyObject,
        startupProbe: anyObject,
      },
    },
  },
};

// The RealmRepresentation fields found in Luoshi's realm files, with their types; an unknown top-level field
// is refused so that a misspelt setting is not silently dropped by the import.
const realmFields = {
  id: { type: "string" },
  realm: { type: "string", minLength: 1 },
  displayName: { type: "string" },
  enabled: { type: "boolean" },
  sslRequired: { enum: ["all", "external", "none"] },
  registrationAllowed: { type: "boolean" },
  loginWithEmailAllowed: { type: "boolean" },
  duplicateEmailsAllowed: { type: "boolean" },
  resetPasswordAllowed: { type: "boolean" },
  editUsernameAllowed: { type: "boolean" },
  bruteForceProtected: { type: "boolean" },
  accessTokenLifespan: { type: "integer", minimum: 1 },
  ssoSessionIdleTimeout: { type: "integer" },
  ssoSessionMaxLifespan: { type: "integer" },
  roles: {
    type: "object",
    additionalProperties: false,
    properties: {
      realm: { type: "array", items: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
      client: { type: "object" },
    },
  },
  defaultRoles: { type: "array" },
  defaultRole: { type: "object" },
  clients: {
    type: "array",
    items: {
      type: "object",
      required: ["clientId"],
      properties: {
        clientId: { type: "string" },
        protocol: { const: "openid-connect" },
        publicClient: { type: "boolean" },
        serviceAccountsEnabled: { type: "boolean" },
        secret: { type: "string" },
        protocolMappers: { type: "array", items: { type: "object", required: ["name", "protocol", "protocolMapper"] } },
        attributes: { type: "object", additionalProperties: { type: "string" } },
      },
    },
  },
  clientScopes: { type: "array" },
  defaultDefaultClientScopes: { type: "array" },
  components: { type: "object" },
  users: {
    type: "array",
    items: {
      type: "object",
      required: ["username"],
      properties: { username: { type: "string" }, realmRoles: { type: "array", items: { type: "string" } } },
    },
  },
  groups: { type: "array" },
  attributes: { type: "object" },
  smtpServer: { type: "object" },
  internationalizationEnabled: { type: "boolean" },
  supportedLocales: { type: "array", items: { type: "string" } },
  defaultLocale: { type: "string" },
  passwordPolicy: { type: "string" },
  eventsEnabled: { type: "boolean" },
  adminEventsEnabled: { type: "boolean" },
};

export const realmImportSchema = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "k8s.keycloak.org/v2alpha1" },
    kind: { const: "KeycloakRealmImport" },
    metadata,
    spec: {
      type: "object",
      required: ["keycloakCRName", "realm"],
      additionalProperties: false,
      properties: {
        keycloakCRName: { type: "string", minLength: 1 },
        realm: { type: "object", required: ["realm"], additionalProperties: false, properties: realmFields },
        placeholders: {
          type: "object",
          propertyNames: { pattern: "^[A-Z][A-Z0-9_]*$" },
          additionalProperties: {
            type: "object",
            required: ["secret"],
            additionalProperties: false,
            properties: { secret: { type: "object", required: ["name", "key"], additionalProperties: false, properties: { name: { type: "string", minLength: 1 }, key: { type: "string", minLength: 1 } } } },
          },
        },
        labels: { type: "object", additionalProperties: { type: "string" } },
        resources,
      },
    },
  },
};
