// Writes a synthetic Spring-style app as real .class files (Java 8 class-file format, written byte by
// byte) so `arkpack split analyze --app DIR` can analyse an app of any size: the 20k-class latency case.
// Every class references others through field types (`type` edges); some are @Service beans with
// @Autowired fields (`bean` edges); one is the @SpringBootApplication entry. Deterministic for a seed.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const ANNOTATIONS = 'RuntimeVisibleAnnotations';
const SERVICE = 'Lorg/springframework/stereotype/Service;';
const AUTOWIRED = 'Lorg/springframework/beans/factory/annotation/Autowired;';
const BOOT_APP = 'Lorg/springframework/boot/autoconfigure/SpringBootApplication;';

/** Builds one class file: `name` (internal form), its field types and annotations. */
export function classFile({ name, fields, annotations = [] }) {
  const pool = [];
  const index = new Map();
  const utf8 = (s) => {
    const key = `u:${s}`;
    if (!index.has(key)) {
      const bytes = Buffer.from(s, 'utf8');
      const entry = Buffer.alloc(3 + bytes.length);
      entry[0] = 1;
      entry.writeUInt16BE(bytes.length, 1);
      bytes.copy(entry, 3);
      pool.push(entry);
      index.set(key, pool.length);
    }
    return index.get(key);
  };
  const cls = (internal) => {
    const key = `c:${internal}`;
    if (!index.has(key)) {
      const nameIndex = utf8(internal);
      const entry = Buffer.alloc(3);
      entry[0] = 7;
      entry.writeUInt16BE(nameIndex, 1);
      pool.push(entry);
      index.set(key, pool.length);
    }
    return index.get(key);
  };
  const u2 = (v) => {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(v);
    return b;
  };
  const u4 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v);
    return b;
  };
  const annotationsAttribute = (descriptors) => {
    const body = [u2(descriptors.length), ...descriptors.flatMap((d) => [u2(utf8(d)), u2(0)])];
    const length = body.reduce((n, b) => n + b.length, 0);
    return Buffer.concat([u2(utf8(ANNOTATIONS)), u4(length), ...body]);
  };
  const thisClass = cls(name);
  const superClass = cls('java/lang/Object');
  const fieldParts = fields.map((f, i) => {
    const attrs = f.autowired ? [annotationsAttribute([AUTOWIRED])] : [];
    return Buffer.concat([u2(0x0002), u2(utf8(`f${i}`)), u2(utf8(`L${f.type};`)), u2(attrs.length), ...attrs]);
  });
  const classAttrs = annotations.length ? [annotationsAttribute(annotations)] : [];
  const tail = Buffer.concat([
    u2(0x0021), // public super
    u2(thisClass),
    u2(superClass),
    u2(0), // interfaces
    u2(fieldParts.length),
    ...fieldParts,
    u2(0), // methods
    u2(classAttrs.length),
    ...classAttrs,
  ]);
  return Buffer.concat([u4(0xcafebabe), u2(0), u2(52), u2(pool.length + 1), ...pool, tail]);
}

/**
 * Writes `packages` × `classesPerPackage` classes under `dir` (package com.acme.dNN.pNNNN, grouped in
 * `domains`). Class k of a package references class k+1 of the same package, one class of another
 * package of its domain, and now and then one of another domain. Odd classes are @Service beans
 * injected with @Autowired. Returns the package names (dotted) and the class count.
 */
export async function writeSyntheticApp(dir, { packages = 1000, classesPerPackage = 20, domains = 10, seed = 7 } = {}) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pkgName = (p) => `com/acme/d${String(p % domains).padStart(2, '0')}/p${String(p).padStart(4, '0')}`;
  const className = (p, k) => `${pkgName(p)}/C${String(k).padStart(3, '0')}`;
  const perDomain = Math.ceil(packages / domains);
  const writes = [];
  for (let p = 0; p < packages; p++) {
    for (let k = 0; k < classesPerPackage; k++) {
      const fields = [];
      const isBean = (kk) => kk % 2 === 1;
      const next = (k + 1) % classesPerPackage;
      if (next !== k) fields.push({ type: className(p, next), autowired: isBean(next) && isBean(k) });
      // Another package of the same domain (package numbers with the same remainder).
      const q = (p % domains) + domains * Math.floor(random() * perDomain);
      if (q < packages && q !== p) fields.push({ type: className(q, Math.floor(random() * classesPerPackage)), autowired: false });
      if (random() < 0.05) {
        const r = Math.floor(random() * packages);
        if (r !== p) fields.push({ type: className(r, Math.floor(random() * classesPerPackage)), autowired: false });
      }
      const annotations = [];
      if (isBean(k)) annotations.push(SERVICE);
      if (p === 0 && k === 0) annotations.push(BOOT_APP);
      const bytes = classFile({ name: className(p, k), fields, annotations });
      writes.push({ path: join(dir, `${className(p, k)}.class`), bytes });
    }
  }
  const folders = new Set(writes.map((w) => dirname(w.path)));
  for (const f of folders) await mkdir(f, { recursive: true });
  for (let i = 0; i < writes.length; i += 256) {
    await Promise.all(writes.slice(i, i + 256).map((w) => writeFile(w.path, w.bytes)));
  }
  return {
    packages: [...Array(packages).keys()].map((p) => pkgName(p).replaceAll('/', '.')),
    classes: writes.length,
  };
}
