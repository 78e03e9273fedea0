// What the manifests must agree with, read from the services' sources: HTTP ports from
// application.properties and Kafka topic names from properties and Java string literals.
import { walkFiles } from './vfs.mjs';

/** The services and their ports when application.properties does not set quarkus.http.port. */
export const DEFAULT_PORTS = {
  'identity-service': 8081,
  'catalog-service': 8082,
  'order-service': 8083,
  'metering-service': 8084,
  'billing-service': 8085,
  'webhook-service': 8086,
};

export const TOPIC_PREFIXES = ['identity', 'catalog', 'orders', 'metering', 'billing', 'webhooks'];
const TOPIC_LITERAL = new RegExp(`^(?:${TOPIC_PREFIXES.join('|')})\\.[a-z0-9][a-z0-9.-]*$`);

/** Profiles whose settings never reach a cluster. */
const LOCAL_PROFILES = new Set(['dev', 'test']);

/** Parses java.util.Properties text into [{key, value, line}] (comments, continuations, escapes). */
export function parseProperties(text) {
  const out = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i].replace(/^\s+/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    // a line ending in an odd number of backslashes continues on the next one
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    let k = 0;
    let key = '';
    while (k < line.length && !/[=:\s]/.test(line[k])) {
      if (line[k] === '\\' && k + 1 < line.length) { key += line[k + 1]; k += 2; } else { key += line[k++]; }
    }
    let rest = line.slice(k).replace(/^\s*[=:]?\s*/, '');
    rest = rest.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', r: '\r' }[c] ?? c));
    out.push({ key, value: rest.trim(), line: start });
  }
  return out;
}

/** Splits '%prod.quarkus.http.port' into { profiles: ['prod'], key: 'quarkus.http.port' }. */
function splitProfile(key) {
  const m = key.match(/^%([^.]+)\.(.*)$/);
  return m ? { profiles: m[1].split(','), key: m[2] } : { profiles: [], key };
}

/** Resolves a value like '${QUARKUS_HTTP_PORT:8081}' to its default; null when it has none. */
export function resolveDefault(value) {
  if (!value.includes('${')) return value;
  const m = value.match(/^\$\{[^:}]+:([^}]*)\}$/);
  return m ? m[1] : null;
}

/** The *-service directories at the root that are Maven modules. */
export function serviceDirs(vfs) {
  const found = vfs.list('').filter((d) => d.endsWith('-service') && vfs.isFile(`${d}/pom.xml`));
  return [...new Set([...Object.keys(DEFAULT_PORTS), ...found])].sort();
}

/**
 * The port a service listens on: %prod.quarkus.http.port, else quarkus.http.port, from its
 * application.properties; else DEFAULT_PORTS. Returns { port, source } or { error }.
 */
export function expectedPort(vfs, service) {
  const file = `${service}/src/main/resources/application.properties`;
  if (vfs.isFile(file)) {
    const props = parseProperties(vfs.read(file));
    const pick = (wantProd) => props.filter((p) => {
      const s = splitProfile(p.key);
      return s.key === 'quarkus.http.port' && (wantProd ? s.profiles.includes('prod') : s.profiles.length === 0);
    }).pop();
    const hit = pick(true) ?? pick(false);
    if (hit) {
      const v = resolveDefault(hit.value);
      if (v === null || !/^\d+$/.test(v)) return { error: `${file}:${hit.line}: cannot resolve quarkus.http.port=${hit.value}` };
      return { port: Number(v), source: `${file}:${hit.line}` };
    }
  }
  if (DEFAULT_PORTS[service]) return { port: DEFAULT_PORTS[service], source: 'default port table (no quarkus.http.port yet)' };
  return { error: `${service} has no quarkus.http.port in ${file} and no default port` };
}

/** String literals of Java source, with the line each starts on and the code just before it. */
export function javaStringLiterals(src) {
  const out = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      i += 2;
      while (i < n && !(src[i] === '*' && src[i + 1] === '/')) { if (src[i] === '\n') line++; i++; }
      i += 2;
      continue;
    }
    if (c === '"' && src.startsWith('"""', i)) { // text block: never a whole topic literal
      i += 3;
      while (i < n && !src.startsWith('"""', i)) { if (src[i] === '\\') i++; else if (src[i] === '\n') line++; i++; }
      i += 3;
      continue;
    }
    if (c === '"' || c === "'") {
      const startLine = line;
      const before = src.slice(Math.max(0, i - 200), i);
      let j = i + 1;
      let value = '';
      while (j < n && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') { value += src.slice(j, j + 2); j += 2; } else { value += src[j++]; }
      }
      if (c === '"') out.push({ value, line: startLine, before });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

export const TOPICS_JAVA = 'platform-commons/src/main/java/dev/mercato/platform/events/Topics.java';

/**
 * The snapshot topics that must be compacted: the constants listed on the line
 * `COMPACTED = List.of(A, B)` of Topics.java, resolved to their values. Returns [] when there is none.
 */
export function compactedTopics(vfs) {
  if (!vfs.isFile(TOPICS_JAVA)) return [];
  const src = vfs.read(TOPICS_JAVA);
  const list = /\bCOMPACTED\s*=\s*List\.of\(([^)]*)\)/.exec(src);
  if (!list) return [];
  return list[1].split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
    const constant = new RegExp(`\\b${name}\\s*=\\s*"([^"]+)"`).exec(src);
    return constant ? constant[1] : name;
  });
}

// Literals that only look like topics: configuration names in @ConfigMapping / @ConfigProperty.
/**
 * Files whose dotted literals name something other than topics: webhook-service's catalogue of public event types
 * (`metering.confirmed`, `invoice.paid`, …) shares the topics' prefixes but is delivered over HTTP, never to Kafka.
 */
const NOT_TOPIC_FILES = new Set(['webhook-service/src/main/java/dev/mercato/webhook/event/EventCatalogue.java']);

const CONFIG_NAME_BEFORE = /@(?:[\w.]+\.)?(?:ConfigMapping\s*\(\s*(?:prefix\s*=\s*)?|ConfigProperty\s*\(\s*name\s*=\s*)$/;

/**
 * Every topic the code names. Returns { topics: Map<name, [where]>, ignored: [{value, where}] }.
 */
export function scanTopics(vfs) {
  const topics = new Map();
  const ignored = [];
  const add = (name, where) => {
    if (!topics.has(name)) topics.set(name, []);
    topics.get(name).push(where);
  };
  const modules = vfs.list('').filter((d) => d.endsWith('-service') && vfs.isDir(d)).sort();
  for (const mod of modules) {
    const file = `${mod}/src/main/resources/application.properties`;
    if (!vfs.isFile(file)) continue;
    for (const p of parseProperties(vfs.read(file))) {
      const { profiles, key } = splitProfile(p.key);
      if (profiles.length && profiles.every((pr) => LOCAL_PROFILES.has(pr))) continue;
      if (!/^mp\.messaging\.(incoming|outgoing)\..+\.topics?$/.test(key)) continue;
      const value = resolveDefault(p.value);
      if (value === null) { ignored.push({ value: p.value, where: `${file}:${p.line}`, why: 'unresolvable expression' }); continue; }
      for (const t of value.split(',').map((s) => s.trim()).filter(Boolean)) add(t, `${file}:${p.line}`);
    }
  }
  const javaRoots = [...modules.map((m) => `${m}/src/main/java`), 'platform-commons/src/main/java'];
  for (const root of javaRoots) {
    if (!vfs.isDir(root)) continue;
    for (const file of walkFiles(vfs, root).filter((f) => f.endsWith('.java'))) {
      if (NOT_TOPIC_FILES.has(file)) continue;
      for (const lit of javaStringLiterals(vfs.read(file))) {
        if (!TOPIC_LITERAL.test(lit.value)) continue;
        if (CONFIG_NAME_BEFORE.test(lit.before)) {
          ignored.push({ value: lit.value, where: `${file}:${lit.line}`, why: 'configuration name, not a topic' });
          continue;
        }
        add(lit.value, `${file}:${lit.line}`);
      }
    }
  }
  return { topics, ignored };
}
