// A small, strict subset of `kustomize build`, enough for deploy/k8s: resources (files and
// directories, recursively), namespace, labels/commonLabels, images, replicas, patches
// (strategic-merge or JSON 6902, with or without a target) and configMapGenerator/secretGenerator
// without hash suffixes. Any other kustomization field is an error rather than silently ignored,
// so this renderer cannot drift from what `kubectl apply -k` would do without saying so.
import path from 'node:path';
import YAML from 'yaml';

const SUPPORTED_FIELDS = new Set([
  'apiVersion', 'kind', 'resources', 'namespace', 'labels', 'commonLabels', 'images', 'replicas',
  'patches', 'configMapGenerator', 'secretGenerator', 'generatorOptions',
]);

const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume',
  'StorageClass', 'IngressClass', 'PriorityClass', 'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration', 'APIService', 'Node', 'CSIDriver', 'RuntimeClass',
]);

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

// API groups whose types carry strategic-merge metadata; everything else (CRDs) merges as JSON merge patch.
const BUILTIN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io',
]);

export class RenderError extends Error {}

export function gvk(obj) {
  const apiVersion = String(obj.apiVersion ?? '');
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return { group, version, kind: obj.kind };
}

export function idOf(obj) {
  const ns = obj.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj.kind}/${ns}${obj.metadata?.name}`;
}

export function parseYamlDocs(text, file) {
  const docs = YAML.parseAllDocuments(text, { prettyErrors: true });
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new RenderError(`${file}: YAML error: ${doc.errors[0].message}`);
    const js = doc.toJS({ maxAliasCount: 100 });
    if (js !== null && js !== undefined) out.push(js);
  }
  return out;
}

const clone = (v) => structuredClone(v);
const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Renders the kustomization in `dir` (a path relative to the vfs root).
 * Returns { objects, files } where files lists every file the build read.
 */
export function build(vfs, dir, files = new Set(), stack = []) {
  const kfile = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
    .map((f) => path.posix.join(dir, f)).find((f) => vfs.isFile(f));
  if (!kfile) throw new RenderError(`${dir}: no kustomization.yaml`);
  if (stack.includes(dir)) throw new RenderError(`${dir}: resource cycle via ${stack.join(' -> ')}`);
  files.add(kfile);
  const docs = parseYamlDocs(vfs.read(kfile), kfile);
  if (docs.length !== 1 || !isMap(docs[0])) throw new RenderError(`${kfile}: expected one YAML mapping`);
  const k = docs[0];
  for (const key of Object.keys(k)) {
    if (!SUPPORTED_FIELDS.has(key)) throw new RenderError(`${kfile}: field '${key}' is not supported by this renderer`);
  }
  if (k.kind !== undefined && k.kind !== 'Kustomization') throw new RenderError(`${kfile}: kind must be Kustomization`);

  let objects = [];
  // 1. resources
  for (const res of k.resources ?? []) {
    if (typeof res !== 'string' || /^[a-z]+:\/\//i.test(res)) throw new RenderError(`${kfile}: only local resources are supported: ${res}`);
    const p = path.posix.normalize(path.posix.join(dir, res));
    if (vfs.isDir(p)) {
      objects.push(...build(vfs, p, files, [...stack, dir]).objects);
    } else if (vfs.isFile(p)) {
      files.add(p);
      for (const obj of parseYamlDocs(vfs.read(p), p)) {
        if (!isMap(obj) || !obj.apiVersion || !obj.kind || !obj.metadata?.name) {
          throw new RenderError(`${p}: every document needs apiVersion, kind and metadata.name`);
        }
        obj.__source = p;
        objects.push(obj);
      }
    } else {
      throw new RenderError(`${kfile}: resource not found: ${res}`);
    }
  }
  // 2. generators
  const genOpts = k.generatorOptions ?? {};
  for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']]) {
    for (const g of k[field] ?? []) objects = generate(vfs, dir, kfile, files, objects, g, kind, genOpts);
  }
  // 3. patches
  for (const [i, p] of (k.patches ?? []).entries()) objects = applyPatchEntry(vfs, dir, kfile, files, objects, p, i);
  // 4. namespace
  if (k.namespace) {
    for (const obj of objects) {
      if (!CLUSTER_SCOPED.has(obj.kind)) obj.metadata.namespace = k.namespace;
    }
  }
  // 5. labels
  if (k.commonLabels) applyLabels(objects, { pairs: k.commonLabels, includeSelectors: true, includeTemplates: true });
  for (const l of k.labels ?? []) applyLabels(objects, l);
  // 6. replicas
  for (const r of k.replicas ?? []) {
    const hits = objects.filter((o) => REPLICATED.has(o.kind) && o.metadata.name === r.name);
    if (!hits.length) throw new RenderError(`${kfile}: replicas: no workload named ${r.name}`);
    if (!Number.isInteger(r.count)) throw new RenderError(`${kfile}: replicas: count of ${r.name} must be an integer`);
    for (const o of hits) (o.spec ??= {}).replicas = r.count;
  }
  // 7. images
  for (const img of k.images ?? []) {
    let hit = 0;
    for (const obj of objects) hit += rewriteImages(obj, img);
    if (!hit) throw new RenderError(`${kfile}: images: no container uses image ${img.name}`);
  }
  // ids must stay unique
  const seen = new Set();
  for (const o of objects) {
    const id = `${o.apiVersion}|${idOf(o)}`;
    if (seen.has(id)) throw new RenderError(`${dir}: duplicate resource ${idOf(o)}`);
    seen.add(id);
  }
  return { objects, files };
}

function parseKv(line, where) {
  const i = line.indexOf('=');
  if (i <= 0) throw new RenderError(`${where}: expected KEY=VALUE, got '${line}'`);
  return [line.slice(0, i).trim(), line.slice(i + 1)];
}

function generate(vfs, dir, kfile, files, objects, g, kind, genOpts) {
  const where = `${kfile}: ${kind === 'Secret' ? 'secretGenerator' : 'configMapGenerator'} ${g.name}`;
  if (!g.name) throw new RenderError(`${where}: name is required`);
  const opts = { ...genOpts, ...(g.options ?? {}) };
  if (opts.disableNameSuffixHash !== true) {
    throw new RenderError(`${where}: name hash suffixes are not supported by this renderer; set generatorOptions.disableNameSuffixHash: true`);
  }
  const data = {};
  for (const lit of g.literals ?? []) {
    const [key, val] = parseKv(String(lit), where);
    data[key] = val.replace(/^"(.*)"$/s, '$1');
  }
  for (const f of g.envs ?? []) {
    const p = path.posix.join(dir, f);
    if (!vfs.isFile(p)) throw new RenderError(`${where}: env file not found: ${f}`);
    files.add(p);
    for (const raw of vfs.read(p).split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const [key, val] = parseKv(line, p);
      data[key] = val;
    }
  }
  for (const f of g.files ?? []) {
    const [key, rel] = String(f).includes('=') ? parseKv(String(f), where) : [path.posix.basename(f), f];
    const p = path.posix.join(dir, rel);
    if (!vfs.isFile(p)) throw new RenderError(`${where}: file not found: ${rel}`);
    files.add(p);
    data[key] = vfs.read(p);
  }
  const behavior = g.behavior ?? 'create';
  const existing = objects.find((o) => o.kind === kind && o.metadata.name === g.name
    && (!g.namespace || o.metadata.namespace === g.namespace));
  const encode = (d) => (kind === 'Secret'
    ? Object.fromEntries(Object.entries(d).map(([kk, v]) => [kk, Buffer.from(v, 'utf8').toString('base64')]))
    : d);
  if (behavior === 'create') {
    if (existing) throw new RenderError(`${where}: already exists (use behavior: merge or replace)`);
    const obj = { apiVersion: 'v1', kind, metadata: { name: g.name }, data: encode(data) };
    if (g.namespace) obj.metadata.namespace = g.namespace;
    if (kind === 'Secret') obj.type = g.type ?? 'Opaque';
    if (opts.labels) obj.metadata.labels = { ...opts.labels };
    if (opts.annotations) obj.metadata.annotations = { ...opts.annotations };
    obj.__source = kfile;
    obj.__generated = true;
    return [...objects, obj];
  }
  if (!existing) throw new RenderError(`${where}: behavior ${behavior} needs an existing ${kind}`);
  if (behavior === 'merge') existing.data = { ...(existing.data ?? {}), ...encode(data) };
  else if (behavior === 'replace') existing.data = encode(data);
  else throw new RenderError(`${where}: unknown behavior ${behavior}`);
  return objects;
}

function anchored(re) {
  return new RegExp(`^(?:${re})$`);
}

function matchesLabelSelector(labels, selector) {
  for (const term of String(selector).split(',').map((s) => s.trim()).filter(Boolean)) {
    let m;
    if ((m = term.match(/^([^!=]+)!=(.*)$/))) { if (labels[m[1].trim()] === m[2].trim()) return false; }
    else if ((m = term.match(/^([^=]+)==?(.*)$/))) { if (labels[m[1].trim()] !== m[2].trim()) return false; }
    else if (term.startsWith('!')) { if (term.slice(1) in labels) return false; }
    else if (!(term in labels)) return false;
  }
  return true;
}

export function matchesTarget(obj, t) {
  const { group, version, kind } = gvk(obj);
  if (t.group !== undefined && t.group !== group) return false;
  if (t.version !== undefined && t.version !== version) return false;
  if (t.kind !== undefined && !anchored(t.kind).test(kind)) return false;
  if (t.name !== undefined && !anchored(t.name).test(obj.metadata?.name ?? '')) return false;
  if (t.namespace !== undefined && !anchored(t.namespace).test(obj.metadata?.namespace ?? '')) return false;
  if (t.labelSelector !== undefined && !matchesLabelSelector(obj.metadata?.labels ?? {}, t.labelSelector)) return false;
  if (t.annotationSelector !== undefined && !matchesLabelSelector(obj.metadata?.annotations ?? {}, t.annotationSelector)) return false;
  return true;
}

function applyPatchEntry(vfs, dir, kfile, files, objects, entry, index) {
  const where = `${kfile}: patches[${index}]`;
  if (!isMap(entry)) throw new RenderError(`${where}: expected a mapping`);
  for (const key of Object.keys(entry)) {
    if (!['path', 'patch', 'target'].includes(key)) throw new RenderError(`${where}: field '${key}' is not supported`);
  }
  let text;
  let src;
  if (entry.path !== undefined) {
    src = path.posix.join(dir, entry.path);
    if (!vfs.isFile(src)) throw new RenderError(`${where}: patch file not found: ${entry.path}`);
    files.add(src);
    text = vfs.read(src);
  } else if (typeof entry.patch === 'string') {
    src = where;
    text = entry.patch;
  } else {
    throw new RenderError(`${where}: needs path or patch`);
  }
  const docs = parseYamlDocs(text, src);
  if (docs.length === 1 && Array.isArray(docs[0])) {
    if (!entry.target) throw new RenderError(`${where}: a JSON 6902 patch needs a target`);
    const hits = objects.filter((o) => matchesTarget(o, entry.target));
    if (!hits.length) throw new RenderError(`${where}: target matches no resource`);
    return objects.map((o) => (hits.includes(o) ? jsonPatch(o, docs[0], `${src} on ${idOf(o)}`) : o));
  }
  let out = objects;
  for (const patch of docs) {
    if (!isMap(patch) || !patch.kind) throw new RenderError(`${src}: a strategic-merge patch needs kind (and apiVersion, metadata.name)`);
    let hits;
    if (entry.target) {
      hits = out.filter((o) => matchesTarget(o, entry.target) && o.kind === patch.kind);
    } else {
      hits = out.filter((o) => o.kind === patch.kind && o.apiVersion === patch.apiVersion
        && o.metadata.name === patch.metadata?.name
        && (!patch.metadata?.namespace || o.metadata.namespace === patch.metadata.namespace));
    }
    if (!hits.length) throw new RenderError(`${src}: strategic-merge patch matches no resource`);
    out = out.map((o) => {
      if (!hits.includes(o)) return o;
      const p = clone(patch);
      if (entry.target) { delete p.metadata?.name; delete p.metadata?.namespace; }
      const merged = strategicMerge(o, p, { builtin: BUILTIN_GROUPS.has(gvk(o).group), kind: o.kind, path: [] });
      merged.__source = o.__source;
      if (o.__generated) merged.__generated = true;
      return merged;
    });
  }
  return out;
}

// Merge keys of the built-in list fields this project can meet (from the Kubernetes API's
// x-kubernetes-patch-merge-key); other lists are replaced, as in kustomize.
function mergeKeyFor(ctx, field) {
  if (!ctx.builtin) return null;
  switch (field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers':
    case 'env': case 'volumes': case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts': return 'mountPath';
    case 'ports': return ctx.kind === 'Service' && ctx.path.join('.') === 'spec' ? 'port' : 'containerPort';
    case 'hostAliases': return 'ip';
    default: return null;
  }
}

export function strategicMerge(target, patch, ctx) {
  if (!isMap(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const p = clone(patch);
    delete p.$patch;
    return p;
  }
  if (patch.$patch === 'delete') return undefined;
  for (const key of Object.keys(patch)) {
    if (key.startsWith('$') && key !== '$patch') throw new RenderError(`strategic-merge directive ${key} is not supported`);
  }
  const out = isMap(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    if (value === null) { delete out[key]; continue; }
    const sub = { ...ctx, path: [...ctx.path, key] };
    if (Array.isArray(value)) {
      const mk = mergeKeyFor(ctx, key);
      if (mk && Array.isArray(out[key]) && value.every(isMap)) {
        const list = clone(out[key]);
        for (const item of value) {
          const idx = list.findIndex((e) => isMap(e) && e[mk] === item[mk]);
          if (item.$patch === 'delete') { if (idx >= 0) list.splice(idx, 1); continue; }
          if (idx >= 0) list[idx] = strategicMerge(list[idx], item, sub);
          else list.push(strategicMerge({}, item, sub));
        }
        out[key] = list;
      } else {
        out[key] = clone(value);
      }
    } else if (isMap(value)) {
      const merged = strategicMerge(out[key], value, sub);
      if (merged === undefined) delete out[key]; else out[key] = merged;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function pointer(p, where) {
  if (typeof p !== 'string' || (p !== '' && !p.startsWith('/'))) throw new RenderError(`${where}: bad JSON pointer ${p}`);
  return p === '' ? [] : p.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function walk(doc, tokens, where, p) {
  let cur = doc;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(t) || Number(t) >= cur.length) throw new RenderError(`${where}: path ${p} does not exist`);
      cur = cur[Number(t)];
    } else if (isMap(cur)) {
      if (!(t in cur)) throw new RenderError(`${where}: path ${p} does not exist`);
      cur = cur[t];
    } else {
      throw new RenderError(`${where}: path ${p} does not exist`);
    }
  }
  return cur;
}

function deepEqual(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function jsonPatch(obj, ops, where) {
  let doc = clone(obj);
  for (const op of ops) {
    if (!isMap(op) || !op.op) throw new RenderError(`${where}: each JSON 6902 operation needs op and path`);
    const tokens = pointer(op.path, where);
    const parentOf = (toks) => walk(doc, toks.slice(0, -1), where, op.path);
    const getValue = () => {
      if (!('value' in op)) throw new RenderError(`${where}: ${op.op} ${op.path} needs a value`);
      return clone(op.value);
    };
    const put = (toks, value, mode) => {
      if (!toks.length) { doc = value; return; }
      const parent = parentOf(toks);
      const key = toks[toks.length - 1];
      if (Array.isArray(parent)) {
        if (mode === 'add') {
          const idx = key === '-' ? parent.length : Number(key);
          if (!/^(\d+|-)$/.test(key) || idx > parent.length) throw new RenderError(`${where}: bad array index in ${op.path}`);
          parent.splice(idx, 0, value);
        } else {
          if (!/^\d+$/.test(key) || Number(key) >= parent.length) throw new RenderError(`${where}: path ${op.path} does not exist`);
          parent[Number(key)] = value;
        }
      } else if (isMap(parent)) {
        if (mode === 'replace' && !(key in parent)) throw new RenderError(`${where}: replace: path ${op.path} does not exist`);
        parent[key] = value;
      } else {
        throw new RenderError(`${where}: parent of ${op.path} is not a container`);
      }
    };
    const remove = (toks, p) => {
      const parent = parentOf(toks);
      const key = toks[toks.length - 1];
      const value = walk(doc, toks, where, p);
      if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key];
      return value;
    };
    switch (op.op) {
      case 'add': put(tokens, getValue(), 'add'); break;
      case 'replace': walk(doc, tokens, where, op.path); put(tokens, getValue(), 'replace'); break;
      case 'remove': if (!tokens.length) throw new RenderError(`${where}: cannot remove the root`); remove(tokens, op.path); break;
      case 'move': { const from = pointer(op.from, where); put(tokens, remove(from, op.from), 'add'); break; }
      case 'copy': { const from = pointer(op.from, where); put(tokens, clone(walk(doc, from, where, op.from)), 'add'); break; }
      case 'test':
        if (!deepEqual(walk(doc, tokens, where, op.path), op.value)) throw new RenderError(`${where}: test failed at ${op.path}`);
        break;
      default: throw new RenderError(`${where}: unknown op ${op.op}`);
    }
  }
  doc.__source = obj.__source;
  if (obj.__generated) doc.__generated = true;
  return doc;
}

function addLabels(target, pairs) {
  for (const [key, value] of Object.entries(pairs)) target[key] = String(value);
}

function applyLabels(objects, l) {
  if (!isMap(l.pairs)) throw new RenderError('labels: each entry needs pairs');
  for (const key of Object.keys(l)) {
    if (!['pairs', 'includeSelectors', 'includeTemplates'].includes(key)) throw new RenderError(`labels: field '${key}' is not supported`);
  }
  for (const obj of objects) {
    addLabels(obj.metadata.labels ??= {}, l.pairs);
    const builtin = BUILTIN_GROUPS.has(gvk(obj).group);
    if (!builtin) continue;
    if ((l.includeTemplates || l.includeSelectors) && WORKLOADS.has(obj.kind) && obj.spec?.template) {
      addLabels((obj.spec.template.metadata ??= {}).labels ??= {}, l.pairs);
    }
    if (l.includeSelectors) {
      if (obj.kind === 'Service') addLabels((obj.spec ??= {}).selector ??= {}, l.pairs);
      if (WORKLOADS.has(obj.kind) || obj.kind === 'PodDisruptionBudget') {
        addLabels(((obj.spec ??= {}).selector ??= {}).matchLabels ??= {}, l.pairs);
      }
    }
  }
}

export function splitImage(image) {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  return { name: rest, tag, digest };
}

function rewriteImages(node, img) {
  let hits = 0;
  if (Array.isArray(node)) {
    for (const n of node) hits += rewriteImages(n, img);
  } else if (isMap(node)) {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const c of value) {
          if (!isMap(c) || typeof c.image !== 'string') continue;
          const parts = splitImage(c.image);
          if (parts.name !== img.name) continue;
          const name = img.newName ?? parts.name;
          if (img.digest) c.image = `${name}@${img.digest}`;
          else if (img.newTag !== undefined) c.image = `${name}:${img.newTag}`;
          else c.image = `${name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
          hits++;
        }
      } else {
        hits += rewriteImages(value, img);
      }
    }
  }
  return hits;
}
