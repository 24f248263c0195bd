/**
 * Test utility: a PEP 503 file tree of metadata-only distributions, for resolver tests
 * (packse scenarios, hand-made conflicts) and for provider tests.
 *
 * Layout (what `pip --index-url file://<root>/simple` and Packwright's index server read):
 *   simple/index.html                      project list
 *   simple/<normalized>/index.html         PEP 503 page: `#sha256=`, data-requires-python,
 *                                          data-yanked, data-core-metadata (PEP 658/714)
 *   files/<wheel>.whl                      a wheel holding only .dist-info/{METADATA,WHEEL,RECORD}
 *   files/<wheel>.whl.metadata             its METADATA (PEP 658)
 *   files/<name>-<version>.tar.gz          optional sdist holding only PKG-INFO (Metadata 2.2)
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { filenameName, normalizeName } from '../../../standards/names';
import { parseVersion } from '../../../standards/pep440';
import { buildZip } from './zip-writer';

/** One version of a project in the tree. */
export interface TreeDist {
  readonly name: string;
  readonly version: string;
  readonly requiresDist?: readonly string[];
  readonly requiresPython?: string | null;
  readonly providesExtra?: readonly string[];
  /** PEP 592: true, or the reason. */
  readonly yanked?: boolean | string;
  /** Wheel tags (`py3-none-any` default); one wheel per entry. Empty list: no wheel. */
  readonly wheelTags?: readonly string[];
  /** Also write an sdist (default false). */
  readonly sdist?: boolean;
  /** Fields listed as Dynamic in the sdist's PKG-INFO (PEP 643). */
  readonly sdistDynamic?: readonly string[];
}

export interface TreeOptions {
  /** Write PEP 658 `.metadata` files and advertise them (default true). */
  readonly metadataFiles?: boolean;
  /** Metadata-Version written (default 2.3). */
  readonly metadataVersion?: string;
}

export interface IndexTree {
  readonly root: string;
  readonly simpleDir: string;
  /** `file://…/simple/` */
  readonly simpleUrl: string;
  readonly filesDir: string;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Core metadata text for a dist. */
export function metadataText(d: TreeDist, metadataVersion = '2.3', dynamic: readonly string[] = []): string {
  const lines = [`Metadata-Version: ${metadataVersion}`, `Name: ${d.name}`, `Version: ${d.version}`];
  for (const f of dynamic) lines.push(`Dynamic: ${f}`);
  if (d.requiresPython) lines.push(`Requires-Python: ${d.requiresPython}`);
  for (const e of d.providesExtra ?? []) lines.push(`Provides-Extra: ${e}`);
  for (const r of d.requiresDist ?? []) lines.push(`Requires-Dist: ${r}`);
  return `${lines.join('\n')}\n\n`;
}

function metadataOnlyWheel(d: TreeDist, version: string, tag: string, metadata: string): Buffer {
  const distInfo = `${filenameName(d.name)}-${version}.dist-info`;
  const [py, abi, plat] = tag.split('-') as [string, string, string];
  const wheel = `Wheel-Version: 1.0\nGenerator: packwright-test\nRoot-Is-Purelib: ${plat === 'any'}\nTag: ${py}-${abi}-${plat}\n`;
  const files: [string, string][] = [[`${distInfo}/METADATA`, metadata], [`${distInfo}/WHEEL`, wheel]];
  const b64 = (s: string): string => createHash('sha256').update(s).digest('base64url');
  const record = [...files.map(([n, c]) => `${n},sha256=${b64(c)},${Buffer.byteLength(c)}`), `${distInfo}/RECORD,,`, ''].join('\n');
  return buildZip([...files, [`${distInfo}/RECORD`, record] as [string, string]].map(([name, data]) => ({ name, data, deflate: true })));
}

async function sdistBytes(d: TreeDist, version: string, pkgInfo: string): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve) => {
    pack.on('end', () => resolve());
  });
  pack.entry({ name: `${filenameName(d.name)}-${version}/PKG-INFO` }, pkgInfo);
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** Write the tree under `root` (created). Returns its paths. */
export async function buildIndexTree(root: string, dists: readonly TreeDist[], opts: TreeOptions = {}): Promise<IndexTree> {
  const simpleDir = join(root, 'simple');
  const filesDir = join(root, 'files');
  await mkdir(filesDir, { recursive: true });
  const anchors = new Map<string, { display: string; links: string[] }>();
  for (const d of dists) {
    const project = normalizeName(d.name);
    const version = parseVersion(d.version).toString();
    const page = anchors.get(project) ?? { display: d.name, links: [] };
    anchors.set(project, page);
    const yanked = d.yanked === undefined || d.yanked === false ? '' : ` data-yanked="${d.yanked === true ? '' : esc(d.yanked)}"`;
    const rp = d.requiresPython ? ` data-requires-python="${esc(d.requiresPython)}"` : '';
    const metadata = metadataText(d, opts.metadataVersion ?? '2.3');
    for (const tag of d.wheelTags ?? ['py3-none-any']) {
      const filename = `${filenameName(d.name)}-${version}-${tag}.whl`;
      const bytes = metadataOnlyWheel(d, version, tag, metadata);
      await writeFile(join(filesDir, filename), bytes);
      let core = '';
      if (opts.metadataFiles ?? true) {
        const md = Buffer.from(metadata, 'utf8');
        await writeFile(join(filesDir, `${filename}.metadata`), md);
        core = ` data-dist-info-metadata="sha256=${sha256(md)}" data-core-metadata="sha256=${sha256(md)}"`;
      }
      page.links.push(`<a href="../../files/${encodeURIComponent(filename)}#sha256=${sha256(bytes)}"${rp}${yanked}${core}>${esc(filename)}</a><br />`);
    }
    if (d.sdist) {
      const filename = `${filenameName(d.name)}-${version}.tar.gz`;
      const bytes = await sdistBytes(d, version, metadataText(d, '2.2', d.sdistDynamic ?? []));
      await writeFile(join(filesDir, filename), bytes);
      page.links.push(`<a href="../../files/${encodeURIComponent(filename)}#sha256=${sha256(bytes)}"${rp}${yanked}>${esc(filename)}</a><br />`);
    }
  }
  const list: string[] = [];
  for (const [project, { display, links }] of [...anchors].sort(([a], [b]) => a.localeCompare(b))) {
    await mkdir(join(simpleDir, project), { recursive: true });
    const html = `<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.1"><title>Links for ${esc(display)}</title></head>\n<body><h1>Links for ${esc(display)}</h1>\n${links.join('\n')}\n</body></html>\n`;
    await writeFile(join(simpleDir, project, 'index.html'), html);
    list.push(`<a href="${project}/">${esc(display)}</a><br />`);
  }
  await writeFile(join(simpleDir, 'index.html'), `<!DOCTYPE html>\n<html><body>\n${list.join('\n')}\n</body></html>\n`);
  return { root, simpleDir, simpleUrl: `${pathToFileURL(simpleDir).href}/`, filesDir };
}
