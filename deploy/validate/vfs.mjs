// Read-only file access relative to the repository root. The self-test swaps in an OverlayFs so it
// can feed the validator broken variants without touching a real file.
import fs from 'node:fs';
import path from 'node:path';

const norm = (p) => path.posix.normalize(p).replace(/^\.\/?/, '').replace(/\/$/, '');

export class RealFs {
  constructor(root) { this.root = root; }
  abs(p) { return path.join(this.root, ...norm(p).split('/')); }
  isFile(p) { try { return fs.statSync(this.abs(p)).isFile(); } catch { return false; } }
  isDir(p) { try { return fs.statSync(this.abs(p)).isDirectory(); } catch { return false; } }
  read(p) { return fs.readFileSync(this.abs(p), 'utf8'); }
  /** Names of the entries of directory p (files and directories). */
  list(p) { try { return fs.readdirSync(this.abs(p)); } catch { return []; } }
}

/** A view of another vfs with some files replaced (string), added (string) or removed (null). */
export class OverlayFs {
  constructor(base, overrides = {}) {
    this.base = base;
    this.over = new Map(Object.entries(overrides).map(([k, v]) => [norm(k), v]));
  }
  set(p, content) { this.over.set(norm(p), content); return this; }
  isFile(p) {
    const n = norm(p);
    if (this.over.has(n)) return this.over.get(n) !== null;
    return this.base.isFile(n);
  }
  isDir(p) {
    const n = norm(p);
    if (this.base.isDir(n)) return true;
    return [...this.over].some(([k, v]) => v !== null && k.startsWith(n ? `${n}/` : ''));
  }
  read(p) {
    const n = norm(p);
    if (this.over.has(n)) {
      const v = this.over.get(n);
      if (v === null) throw new Error(`ENOENT: ${n}`);
      return v;
    }
    return this.base.read(n);
  }
  list(p) {
    const n = norm(p);
    const prefix = n ? `${n}/` : '';
    const names = new Set(this.base.list(n));
    for (const [k, v] of this.over) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const name = rest.split('/')[0];
      if (v !== null) names.add(name);
      else if (!rest.includes('/')) names.delete(name);
    }
    return [...names];
  }
}

/** Every file under dir (recursively), as paths relative to the root, skipping build output. */
export function walkFiles(vfs, dir, skip = new Set(['node_modules', 'target', '.git'])) {
  const out = [];
  for (const name of vfs.list(dir).sort()) {
    if (skip.has(name)) continue;
    const p = dir ? `${dir}/${name}` : name;
    if (vfs.isDir(p)) out.push(...walkFiles(vfs, p, skip));
    else if (vfs.isFile(p)) out.push(p);
  }
  return out;
}
