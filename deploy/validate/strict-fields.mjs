// Unknown fields: JSON schemas of Kubernetes kinds and CRDs allow them (an API server prunes them silently), so a
// misspelt field (readinesProbe, minInsyncReplicas) would pass schema validation and be lost. TypeScript refuses
// unknown properties in an object literal of a declared type, and the @kubernetes-models packages declare every
// kind: each rendered object is written as a typed constant and compiled with tsc (no output). Objects whose kind
// has no declaration (Keycloak's) are left to their structural schema.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { idOf } from "./render.mjs";

function typeModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  switch (group) {
    case "": return `kubernetes-models/${version}/${kind}`;
    case "kafka.strimzi.io": return `@kubernetes-models/strimzi-kafka-operator/${apiVersion}/${kind}`;
    case "postgresql.cnpg.io": return `@kubernetes-models/cloudnative-pg/${apiVersion}/${kind}`;
    case "monitoring.coreos.com": return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
    case "k8s.keycloak.org": return null;
    default: return `kubernetes-models/${apiVersion}/${kind}`;
  }
}

export function strictFieldErrors(objects, deployDir, label) {
  const tsc = path.join(deployDir, "node_modules", "typescript", "bin", "tsc");
  if (!fs.existsSync(tsc)) return { skipped: "typescript is not installed in deploy/node_modules" };
  const dir = path.join(deployDir, "target", "strict-fields", label);
  fs.mkdirSync(dir, { recursive: true });
  const lines = [];
  const ranges = [];
  const checked = new Set();
  objects.forEach((obj, i) => {
    const module = typeModule(obj.apiVersion, obj.kind);
    if (!module) return;
    const declaration = path.join(deployDir, "node_modules", ...module.split("/")) + ".d.ts";
    if (!fs.existsSync(declaration)) return;
    lines.push(`import type { I${obj.kind} as T${i} } from "${module}";`);
    const body = JSON.stringify(obj, null, 2).split("\n");
    const start = lines.length + 1;
    lines.push(`export const o${i}: T${i} = ${body[0]}`, ...body.slice(1));
    lines[lines.length - 1] += ";";
    ranges.push({ id: idOf(obj), start, end: lines.length });
    checked.add(idOf(obj));
  });
  fs.writeFileSync(path.join(dir, "objects.ts"), lines.join("\n") + "\n");
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true,
      skipLibCheck: true, types: [],
    },
    files: ["objects.ts"],
  }, null, 2));
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"], { encoding: "utf8" });
  const errors = new Map();
  for (const line of (run.stdout + run.stderr).split("\n")) {
    const m = line.match(/objects\.ts\((\d+),\d+\): error (TS\d+): (.*)$/);
    if (!m) {
      if (line.trim() && /error TS/.test(line)) (errors.get("*") ?? errors.set("*", []).get("*")).push(line);
      continue;
    }
    const lineNo = Number(m[1]);
    const range = ranges.find((r) => lineNo >= r.start && lineNo <= r.end);
    const key = range?.id ?? "*";
    const where = range ? `line ${lineNo - range.start + 1} of the object` : `line ${lineNo}`;
    (errors.get(key) ?? errors.set(key, []).get(key)).push(`${where}: ${m[3]}`);
  }
  if (errors.has("*")) return { skipped: `tsc failed: ${errors.get("*").join("; ")}` };
  if (run.status !== 0 && errors.size === 0) return { skipped: `tsc exited ${run.status}: ${(run.stdout + run.stderr).slice(0, 500)}` };
  return { errors, checked };
}
