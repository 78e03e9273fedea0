// What the manifests must agree with, read from the services' sources (and the console's): HTTP ports from
// application.properties, Kafka topic names from properties and Java string literals, the settings
// each module reads (credentials, settings without a default, URLs that default to this machine) and
// whether it calls out over HTTP.
import { walkFiles } from './vfs.mjs';

/** The services and their ports when application.properties does not set quarkus.http.port. */
export const DEFAULT_PORTS = {
  'identity-service': 8081,
  'catalog-service': 8082,
  'order-service': 8083,
  'metering-service': 8084,
  'billing-service': 8085,
  'webhook-service': 8086,
  console: 8087,
};

/**
 * Modules deployed beside the services that have no database and no Kafka and keep their sessions in memory:
 * the web console, a client of the services' public APIs. Not a *-service folder, so listed here.
 */
export const FRONTENDS = ['console'];

/** The frontends that are Maven modules. */
export function frontendDirs(vfs) {
  return FRONTENDS.filter((d) => vfs.isFile(`${d}/pom.xml`));
}

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
  return [...new Set([...Object.keys(DEFAULT_PORTS).filter((d) => d.endsWith('-service')), ...found])].sort();
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

// ---------------------------------------------------------------------------------------------
// Settings the code reads: @ConfigMapping interfaces, @ConfigProperty injections and MERCATO_* variable
// names in string literals, so the manifests can be checked to provide each one the right way.

const SHARED_JAVA = 'platform-commons/src/main/java';
const SHARED_PROPERTIES = 'platform-commons/src/main/resources/META-INF/microprofile-config.properties';

/** A setting whose value is a credential: it must come from a Secret, never a ConfigMap or a literal. */
const SECRET_SETTING = /(?:^|[-._])(?:secret|password|pepper|token|encryption-key|access-key-id|secret-access-key)$/i;

/** The environment variable a property is read from (MicroProfile Config's rule). */
export function envName(property) {
  return property.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Java source without comments and string contents, so braces and annotations can be matched. */
function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
}

/** Every `interface Name { … }` of src: its name and body, the bodies of nested interfaces blanked out. */
function interfaces(src) {
  const out = new Map();
  const head = /\binterface\s+(\w+)[^{;]*\{/g;
  let m;
  while ((m = head.exec(src))) {
    let depth = 1;
    let i = head.lastIndex;
    let body = '';
    while (i < src.length && depth > 0) {
      const ch = src[i++];
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      if (depth > 0) body += depth === 1 || ch === '\n' ? ch : ' ';
    }
    out.set(m[1], { body, at: m.index });
  }
  return out;
}

const METHOD = /((?:@\w+(?:\s*\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))?\s*)*)([\w.]+(?:\s*<[^;(){}]*>)?(?:\[\])?)\s+(\w+)\s*\(\s*\)\s*;/g;

/**
 * The leaves of every @ConfigMapping interface in file: { property, env, type, optional, hasDefault, where }.
 * A method returning another interface of the same file is a group (its name prefixes the leaves); a Map is
 * open-ended (named entries) and yields no leaf.
 */
function mappingLeaves(vfs, file) {
  const src = stripComments(vfs.read(file));
  const root = /@ConfigMapping\s*\(\s*(?:prefix\s*=\s*)?"([^"]+)"[^)]*\)[\s\S]*?\binterface\s+(\w+)/.exec(src);
  if (!root) return [];
  const types = interfaces(src);
  const leaves = [];
  const lineOf = (index) => src.slice(0, index).split('\n').length;
  const visit = (name, prefix, seen) => {
    const it = types.get(name);
    if (!it || seen.has(name)) return;
    for (const m of it.body.matchAll(METHOD)) {
      const [, annotations, rawType, method] = m;
      const type = rawType.replace(/\s+/g, '');
      const named = /@WithName\s*\(\s*"([^"]+)"/.exec(annotations);
      const property = /@WithParentName\b/.test(annotations) ? prefix : `${prefix}.${named ? named[1] : kebab(method)}`;
      const inner = type.replace(/^Optional<(.*)>$/, '$1');
      if (/^Map</.test(type)) continue;
      if (types.has(inner)) { visit(inner, property, new Set([...seen, name])); continue; }
      leaves.push({
        property, env: envName(property), type, optional: /^Optional/.test(type),
        hasDefault: /@WithDefault\b/.test(annotations), where: `${file}:${lineOf(it.at)}`,
      });
    }
  };
  visit(root[2], root[1], new Set());
  return leaves;
}

/** @ConfigProperty injections of mercato.* settings in file, as leaves. */
function injectedLeaves(vfs, file) {
  const src = stripComments(vfs.read(file));
  const out = [];
  const re = /@ConfigProperty\s*\(\s*name\s*=\s*"(mercato\.[^"]+)"\s*(,\s*defaultValue\s*=\s*"[^"]*")?\s*\)\s*([\w.]+(?:<[^>]*>)?)\s+\w+/g;
  for (const m of src.matchAll(re)) {
    out.push({
      property: m[1], env: envName(m[1]), type: m[3], optional: /^Optional/.test(m[3]), hasDefault: Boolean(m[2]),
      where: `${file}:${src.slice(0, m.index).split('\n').length}`,
    });
  }
  return out;
}

/** The Java sources a module runs: its own and platform-commons' (which the console does not use). */
function serviceJava(vfs, service) {
  return [`${service}/src/main/java`, ...(FRONTENDS.includes(service) ? [] : [SHARED_JAVA])].filter((d) => vfs.isDir(d))
    .flatMap((d) => walkFiles(vfs, d)).filter((f) => f.endsWith('.java'));
}

/** A URL to this machine: right for ./mercato, never inside a pod. */
const LOOPBACK_URL = /^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?:[:/]|$)/;

/**
 * Properties a module is given by its own application.properties or the shared defaults (not %dev/%test):
 * Map property → { value, where }.
 */
function propertiesSet(vfs, service) {
  const set = new Map();
  const files = [`${service}/src/main/resources/application.properties`, ...(FRONTENDS.includes(service) ? [] : [SHARED_PROPERTIES])];
  for (const file of files) {
    if (!vfs.isFile(file)) continue;
    for (const p of parseProperties(vfs.read(file))) {
      const { profiles, key } = splitProfile(p.key);
      if (profiles.length && profiles.every((pr) => LOCAL_PROFILES.has(pr))) continue;
      set.set(key, { value: p.value, where: `${file}:${p.line}` });
    }
  }
  return set;
}

/**
 * What service reads from its environment in production, from its code: { secrets, required, local }, each a
 * Map env name → where it is read. secrets: credential settings (and MERCATO_* credentials named in
 * string literals), which must come from a Secret; required: settings without a default or a value in
 * the properties files; local: settings whose value there is a URL to this machine (another service's
 * address under ./mercato). The manifests must set required and local ones.
 */
export function serviceSettings(vfs, service) {
  const secrets = new Map();
  const required = new Map();
  const given = propertiesSet(vfs, service);
  const local = new Map();
  for (const [property, { value, where }] of given) {
    if (LOOPBACK_URL.test(value)) local.set(envName(property), `${property}=${value}, ${where}`);
  }
  for (const file of serviceJava(vfs, service)) {
    for (const leaf of [...mappingLeaves(vfs, file), ...injectedLeaves(vfs, file)]) {
      const text = /^(Optional<)?(String|char\[\])>?$/.test(leaf.type);
      if (text && SECRET_SETTING.test(leaf.property)) secrets.set(leaf.env, `${leaf.property} (${leaf.where})`);
      else if (!leaf.optional && !leaf.hasDefault && !given.has(leaf.property)) required.set(leaf.env, `${leaf.property} (${leaf.where})`);
    }
    for (const lit of javaStringLiterals(vfs.read(file))) {
      for (const [name] of lit.value.matchAll(/\bMERCATO_[A-Z0-9_]*[A-Z0-9]\b/g)) {
        if (SECRET_SETTING.test(name.replace(/_/g, '-'))) secrets.set(name, secrets.get(name) ?? `${file}:${lit.line}`);
      }
    }
  }
  return { secrets, required, local };
}

/** Whether the service's code opens outbound HTTP connections of its own (a JDK or Vert.x HTTP client). */
export function outboundHttp(vfs, service) {
  const client = /^import\s+(?:java\.net\.http\.HttpClient|io\.vertx\.(?:mutiny\.)?(?:core\.http\.HttpClient|ext\.web\.client\.WebClient))\s*;/m;
  return walkFiles(vfs, `${service}/src/main/java`).filter((f) => f.endsWith('.java') && client.test(vfs.read(f)));
}
