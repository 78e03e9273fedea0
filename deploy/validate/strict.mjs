// Unknown-field check. The JSON schemas bundled in kubernetes-models accept fields they do not
// know (as the Kubernetes OpenAPI documents do), while `kubectl apply` validates strictly and a
// typo such as `readinesProbe` would only surface at deploy time. The packages' TypeScript
// declarations list every field of every type, so this reads them (a small parser for the subset
// of TypeScript those generated .d.ts files use) and reports fields that no type declares.
// A type it cannot understand is treated as "anything", so it can miss, but not invent, an error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_MODULES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules');
const ANY = { t: 'any' };

function tokenize(src) {
  const text = src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, ' ');
  const tokens = [];
  const re = /\s*(?:("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_$][\w$]*)|(-?\d+(?:\.\d+)?)|(=>|\.\.\.|[{}<>[\]()|&;:?,=.*]))/y;
  let m;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1] !== undefined) tokens.push({ k: 'str', v: m[1].slice(1, -1) });
    else if (m[2] !== undefined) tokens.push({ k: 'id', v: m[2] });
    else if (m[3] !== undefined) tokens.push({ k: 'num', v: m[3] });
    else if (m[4] !== undefined) tokens.push({ k: 'p', v: m[4] });
    else break;
  }
  return tokens;
}

class Parser {
  constructor(tokens) { this.ts = tokens; this.i = 0; }
  peek(o = 0) { return this.ts[this.i + o]; }
  is(v, o = 0) { const t = this.peek(o); return t && t.k === 'p' && t.v === v; }
  isId(v, o = 0) { const t = this.peek(o); return t && t.k === 'id' && t.v === v; }
  next() { return this.ts[this.i++]; }
  expect(v) { const t = this.next(); if (!t || t.v !== v) throw new Error(`expected ${v}, got ${t?.v}`); return t; }
  skipBalanced(open, close) {
    let depth = 0;
    do {
      const t = this.next();
      if (!t) return;
      if (t.k === 'p' && t.v === open) depth++;
      else if (t.k === 'p' && t.v === close) depth--;
    } while (depth > 0);
  }

  type() {
    const of = [this.postfix()];
    while (this.is('|') || this.is('&')) { this.next(); of.push(this.postfix()); }
    return of.length === 1 ? of[0] : { t: 'union', of };
  }

  postfix() {
    let t = this.primary();
    while (this.is('[') && this.is(']', 1)) { this.next(); this.next(); t = { t: 'array', of: t }; }
    return t;
  }

  primary() {
    if (this.is('|')) this.next(); // leading | of a multi-line union
    const tok = this.next();
    if (!tok) throw new Error('unexpected end of type');
    if (tok.k === 'p' && tok.v === '(') { const t = this.type(); this.expect(')'); return t; }
    if (tok.k === 'p' && tok.v === '{') { this.i--; return this.objectType(); }
    if (tok.k === 'str' || tok.k === 'num') return { t: 'prim' };
    if (tok.k === 'id') {
      if (['string', 'number', 'boolean', 'null', 'undefined', 'true', 'false', 'bigint'].includes(tok.v)) return { t: 'prim' };
      if (['any', 'unknown', 'object', 'never'].includes(tok.v)) return ANY;
      if (tok.v === 'Array' && this.is('<')) { this.next(); const of = this.type(); this.expect('>'); return { t: 'array', of }; }
      if (this.is('<')) { this.skipBalanced('<', '>'); return ANY; } // Record<>, Partial<> …
      let name = tok.v;
      while (this.is('.') && this.peek(1)?.k === 'id') { this.next(); name += `.${this.next().v}`; }
      return name.includes('.') ? ANY : { t: 'ref', name };
    }
    throw new Error(`unexpected ${tok.v}`);
  }

  objectType() {
    this.expect('{');
    const props = new Map();
    let index = null;
    while (!this.is('}')) {
      if (this.is('[')) {
        this.next(); this.next(); this.expect(':'); this.type(); this.expect(']'); this.expect(':');
        index = this.type();
      } else {
        const key = this.next();
        if (!key || (key.k !== 'str' && key.k !== 'id')) throw new Error(`bad member ${key?.v}`);
        if (this.is('?')) this.next();
        if (this.is('(')) { this.skipBalanced('(', ')'); this.expect(':'); this.type(); } // method
        else { this.expect(':'); props.set(key.v, this.type()); }
      }
      if (this.is(';') || this.is(',')) this.next();
    }
    this.expect('}');
    return { t: 'object', props, index };
  }
}

const files = new Map();

function resolveSpec(fromFile, spec) {
  const base = spec.startsWith('.') ? path.resolve(path.dirname(fromFile), spec) : path.join(NODE_MODULES, spec);
  const noJs = base.replace(/\.js$/, '');
  for (const f of [`${noJs}.d.ts`, path.join(noJs, 'index.d.ts')]) if (fs.existsSync(f)) return f;
  return null;
}

/** Parses a .d.ts file into { decls: Map<name, type>, imports: Map<name, {file, name}> }. */
function loadFile(file) {
  if (files.has(file)) return files.get(file);
  const info = { decls: new Map(), imports: new Map(), file };
  files.set(file, info);
  const p = new Parser(tokenize(fs.readFileSync(file, 'utf8')));
  while (p.peek()) {
    try {
      if (p.isId('import')) {
        p.next();
        if (p.isId('type')) p.next();
        if (!p.is('{')) { while (p.peek() && !p.is(';')) p.next(); p.next(); continue; }
        p.next();
        const names = [];
        while (!p.is('}')) {
          const orig = p.next().v;
          let local = orig;
          if (p.isId('as')) { p.next(); local = p.next().v; }
          names.push([local, orig]);
          if (p.is(',')) p.next();
        }
        p.next();
        if (!p.isId('from')) continue;
        p.next();
        const target = resolveSpec(file, p.next().v);
        for (const [local, orig] of names) if (target) info.imports.set(local, { file: target, name: orig });
        continue;
      }
      if (p.isId('export')) { p.next(); if (p.isId('declare')) p.next(); continue; }
      if (p.isId('interface')) {
        p.next();
        const name = p.next().v;
        if (p.is('<')) p.skipBalanced('<', '>');
        const bases = [];
        if (p.isId('extends')) {
          p.next();
          while (!p.is('{')) { const t = p.next(); if (t.k === 'id') bases.push({ t: 'ref', name: t.v }); if (p.is('<')) p.skipBalanced('<', '>'); }
        }
        const body = p.objectType();
        info.decls.set(name, bases.length ? { t: 'union', of: [body], extend: bases } : body);
        continue;
      }
      if (p.isId('type') && p.is('{', 1)) { // export type { A as B, … };
        p.next(); p.next();
        while (!p.is('}')) {
          const orig = p.next().v;
          let alias = orig;
          if (p.isId('as')) { p.next(); alias = p.next().v; }
          if (alias !== orig) info.decls.set(alias, { t: 'ref', name: orig });
          if (p.is(',')) p.next();
        }
        p.next();
        continue;
      }
      if (p.isId('type') && p.peek(1)?.k === 'id') {
        p.next();
        const name = p.next().v;
        if (p.is('<')) p.skipBalanced('<', '>');
        p.expect('=');
        info.decls.set(name, p.type());
        continue;
      }
      if (p.isId('class')) { while (p.peek() && !p.is('{')) p.next(); p.skipBalanced('{', '}'); continue; }
      p.next();
    } catch {
      // an unparsable statement: skip to the next one; its names resolve to "anything"
      while (p.peek() && !p.is(';') && !p.is('}')) p.next();
      p.next();
    }
  }
  return info;
}

function resolveRef(file, name, depth = 0) {
  if (depth > 20) return ANY;
  const info = loadFile(file);
  if (info.decls.has(name)) {
    const d = info.decls.get(name);
    if (d.t === 'ref') return resolveRef(file, d.name, depth + 1);
    return { type: d, file };
  }
  const imp = info.imports.get(name);
  if (imp) return resolveRef(imp.file, imp.name, depth + 1);
  return { type: ANY, file };
}

const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields of value, under jsonPath, that type (declared in file) does not know. */
function unknownFields(value, type, file, jsonPath, out, depth = 0) {
  if (depth > 60 || !type) return out;
  switch (type.t) {
    case 'ref': {
      const r = resolveRef(file, type.name);
      return unknownFields(value, r.type, r.file, jsonPath, out, depth + 1);
    }
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, type.of, file, `${jsonPath}/${i}`, out, depth + 1));
      return out;
    case 'object': {
      if (!isMap(value)) return out;
      if (type.props.size === 0 && !type.index) return out; // {}: free-form (preserve-unknown-fields)
      for (const [key, v] of Object.entries(value)) {
        if (type.props.has(key)) unknownFields(v, type.props.get(key), file, `${jsonPath}/${key}`, out, depth + 1);
        else if (type.index) unknownFields(v, type.index, file, `${jsonPath}/${key}`, out, depth + 1);
        else out.push(`${jsonPath}/${key}`);
      }
      return out;
    }
    case 'union': {
      const members = [...type.of, ...(type.extend ?? [])];
      if (type.extend) { // interface with bases: merge the members' fields
        const merged = { t: 'object', props: new Map(), index: null };
        for (const m of members) {
          if (m.t === 'ref' && m.name === 'TypeMeta') continue; // apiVersion and kind, declared anyway
          const r = m.t === 'ref' ? resolveRef(file, m.name) : { type: m, file };
          if (r.type.t !== 'object') return out;
          for (const [k, v] of r.type.props) merged.props.set(k, v);
        }
        return unknownFields(value, merged, file, jsonPath, out, depth + 1);
      }
      if (!isMap(value) && !Array.isArray(value)) return out;
      let best = null;
      for (const m of members) {
        const found = unknownFields(value, m, file, jsonPath, [], depth + 1);
        if (!found.length) return out;
        if (!best || found.length < best.length) best = found;
      }
      out.push(...(best ?? []));
      return out;
    }
    default:
      return out;
  }
}

/** The .d.ts that declares the model of apiVersion/kind, or null. */
function modelFile(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if (!/^[a-z0-9.-]*$/.test(group) || !/^v\w+$/.test(version) || !/^[A-Z]\w*$/.test(kind)) return null;
  const dir = group.endsWith('.strimzi.io')
    ? path.join(NODE_MODULES, '@kubernetes-models/strimzi-kafka-operator', group, version)
    : path.join(NODE_MODULES, 'kubernetes-models', ...(group ? [group, version] : [version]));
  const f = path.join(dir, `${kind}.d.ts`);
  return fs.existsSync(f) ? f : null;
}

/** JSON paths of the fields of obj that its kind does not declare ([] when the kind is unknown). */
export function strictFieldErrors(obj) {
  const file = modelFile(String(obj.apiVersion), String(obj.kind));
  if (!file) return [];
  const { type, file: declFile } = resolveRef(file, `I${obj.kind}`);
  return unknownFields(obj, type, declFile, '', []);
}
