// A small Kustomize renderer for the subset of kustomization.yaml that deploy/kubernetes uses, for machines
// without kubectl/kustomize. validate.mjs renders every overlay with it and, where `kubectl kustomize` exists,
// checks that both give the same objects. Supported, with Kustomize's semantics:
//   resources   files (multi-document YAML) and folders holding a kustomization.yaml
//   namespace   set on every namespaced object
//   labels      pairs added to metadata.labels (includeSelectors: false and includeTemplates: false only)
//   images      name -> newName / newTag / digest, on containers[] and initContainers[] anywhere in an object
//   patches     JSON 6902 (inline `patch:` list of operations, with a target: group/version/kind/name regex/
//               namespace/labelSelector of the form k=v,...), and strategic-merge `$patch: delete` of a whole object
// Anything else makes it fail loudly rather than render something different from Kustomize.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

const SUPPORTED = new Set(["apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"]);
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration"]);

export function loadYamlDocuments(file) {
  return yaml.loadAll(fs.readFileSync(file, "utf8")).filter((doc) => doc !== null && doc !== undefined);
}

function kustomizationFile(dir) {
  for (const name of ["kustomization.yaml", "kustomization.yml", "Kustomization"]) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`no kustomization.yaml in ${dir}`);
}

const groupOf = (apiVersion) => (apiVersion.includes("/") ? apiVersion.split("/")[0] : "");
const versionOf = (apiVersion) => apiVersion.split("/").pop();

export function idOf(obj) {
  return `${obj.apiVersion}/${obj.kind}/${obj.metadata?.namespace ?? "~"}/${obj.metadata?.name}`;
}

function anchored(regex) {
  return new RegExp(`^(?:${regex})$`);
}

function matchesTarget(obj, target) {
  if (target.group !== undefined && groupOf(obj.apiVersion) !== target.group) return false;
  if (target.version !== undefined && versionOf(obj.apiVersion) !== target.version) return false;
  if (target.kind !== undefined && !anchored(target.kind).test(obj.kind)) return false;
  if (target.name !== undefined && !anchored(target.name).test(obj.metadata?.name ?? "")) return false;
  if (target.namespace !== undefined && !anchored(target.namespace).test(obj.metadata?.namespace ?? "")) return false;
  if (target.labelSelector !== undefined) {
    for (const term of target.labelSelector.split(",")) {
      const [key, value] = term.split("=").map((s) => s.trim());
      if (obj.metadata?.labels?.[key] !== value) return false;
    }
  }
  for (const key of Object.keys(target)) {
    if (!["group", "version", "kind", "name", "namespace", "labelSelector"].includes(key)) {
      throw new Error(`patch target field not supported by this renderer: ${key}`);
    }
  }
  return true;
}

// JSON Pointer (RFC 6901) and JSON Patch (RFC 6902)
function pointerTokens(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`bad JSON pointer: ${pointer}`);
  return pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function resolveParent(doc, pointer) {
  const tokens = pointerTokens(pointer);
  const last = tokens.pop();
  let node = doc;
  for (const token of tokens) {
    node = Array.isArray(node) ? node[Number(token)] : node?.[token];
    if (node === undefined || node === null) throw new Error(`path not found: ${pointer}`);
  }
  return [node, last];
}

function getAt(doc, pointer) {
  let node = doc;
  for (const token of pointerTokens(pointer)) {
    node = Array.isArray(node) ? node[Number(token)] : node?.[token];
    if (node === undefined) throw new Error(`path not found: ${pointer}`);
  }
  return node;
}

const clone = (value) => structuredClone(value);

export function applyJsonPatch(doc, operations) {
  for (const op of operations) {
    switch (op.op) {
      case "add": {
        const [parent, key] = resolveParent(doc, op.path);
        if (Array.isArray(parent)) {
          if (key === "-") parent.push(clone(op.value));
          else parent.splice(Number(key), 0, clone(op.value));
        } else parent[key] = clone(op.value);
        break;
      }
      case "replace": {
        const [parent, key] = resolveParent(doc, op.path);
        if (Array.isArray(parent) ? Number(key) >= parent.length : !(key in parent)) {
          throw new Error(`replace: no value at ${op.path}`);
        }
        parent[key] = clone(op.value);
        break;
      }
      case "remove": {
        const [parent, key] = resolveParent(doc, op.path);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (key in parent) delete parent[key];
        else throw new Error(`remove: no value at ${op.path}`);
        break;
      }
      case "test": {
        if (JSON.stringify(getAt(doc, op.path)) !== JSON.stringify(op.value)) throw new Error(`test failed at ${op.path}`);
        break;
      }
      case "copy":
      case "move": {
        const value = clone(getAt(doc, op.from));
        if (op.op === "move") applyJsonPatch(doc, [{ op: "remove", path: op.from }]);
        applyJsonPatch(doc, [{ op: "add", path: op.path, value }]);
        break;
      }
      default:
        throw new Error(`unknown JSON patch operation: ${op.op}`);
    }
  }
}

function splitImage(image) {
  // name[:tag][@digest]; a ':' before the last '/' belongs to a registry port
  let rest = image;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) [rest, digest] = [rest.slice(0, at), rest.slice(at + 1)];
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) [rest, tag] = [rest.slice(0, colon), rest.slice(colon + 1)];
  return { name: rest, tag, digest };
}

function applyImages(obj, images) {
  const visit = (node, key) => {
    if (Array.isArray(node)) {
      if (key === "containers" || key === "initContainers") {
        for (const container of node) {
          if (typeof container?.image !== "string") continue;
          const { name, tag, digest } = splitImage(container.image);
          const rule = images.find((i) => i.name === name);
          if (!rule) continue;
          const newName = rule.newName ?? name;
          if (rule.digest) container.image = `${newName}@${rule.digest}`;
          else if (rule.newTag) container.image = `${newName}:${rule.newTag}`;
          else container.image = newName + (tag ? `:${tag}` : "") + (digest ? `@${digest}` : "");
        }
      }
      node.forEach((child) => visit(child, undefined));
    } else if (node && typeof node === "object") {
      for (const [childKey, child] of Object.entries(node)) visit(child, childKey);
    }
  };
  visit(obj, undefined);
}

export function build(dir) {
  const file = kustomizationFile(dir);
  const k = yaml.load(fs.readFileSync(file, "utf8"));
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) throw new Error(`${file}: field "${key}" is not supported by this renderer`);
  }
  let objects = [];
  for (const resource of k.resources ?? []) {
    const target = path.resolve(dir, resource);
    if (fs.statSync(target).isDirectory()) objects.push(...build(target));
    else objects.push(...loadYamlDocuments(target));
  }
  const seen = new Set();
  for (const obj of objects) {
    const id = idOf(obj);
    if (seen.has(id)) throw new Error(`${file}: the object ${id} is declared twice`);
    seen.add(id);
  }

  for (const patch of k.patches ?? []) {
    const docs = patch.path ? loadYamlDocuments(path.resolve(dir, patch.path)) : yaml.loadAll(patch.patch);
    if (docs.length === 1 && Array.isArray(docs[0])) {
      if (!patch.target) throw new Error(`${file}: a JSON 6902 patch needs a target`);
      const matched = objects.filter((obj) => matchesTarget(obj, patch.target));
      if (matched.length === 0) throw new Error(`${file}: patch target matches nothing: ${JSON.stringify(patch.target)}`);
      for (const obj of matched) applyJsonPatch(obj, docs[0]);
    } else {
      for (const doc of docs) {
        if (doc?.$patch !== "delete" || Object.keys(doc).some((key) => !["$patch", "apiVersion", "kind", "metadata"].includes(key))) {
          throw new Error(`${file}: only JSON 6902 patches and "$patch: delete" are supported by this renderer`);
        }
        const before = objects.length;
        objects = objects.filter((obj) => !(obj.kind === doc.kind && groupOf(obj.apiVersion) === groupOf(doc.apiVersion)
          && obj.metadata?.name === doc.metadata?.name
          && (doc.metadata?.namespace === undefined || obj.metadata?.namespace === doc.metadata.namespace)));
        if (objects.length === before) throw new Error(`${file}: nothing to delete for ${doc.kind}/${doc.metadata?.name}`);
      }
    }
  }

  for (const entry of k.labels ?? []) {
    if (entry.includeSelectors || entry.includeTemplates) {
      throw new Error(`${file}: labels with includeSelectors/includeTemplates are not supported by this renderer`);
    }
    for (const obj of objects) {
      obj.metadata ??= {};
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), ...entry.pairs };
    }
  }
  if (k.images) for (const obj of objects) applyImages(obj, k.images);
  if (k.namespace) {
    for (const obj of objects) {
      if (!CLUSTER_SCOPED.has(obj.kind)) obj.metadata.namespace = k.namespace;
    }
  }
  return objects;
}
