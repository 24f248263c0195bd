/**
 * Generated core metadata documents for differential and property tests: real field names in
 * odd casings, unknown fields, valid and invalid values for each field's own syntax, folded
 * values, mixed line endings, stray lines, undecodable bytes, bodies. Deterministic (seeded).
 */
import fc from 'fast-check';
import { FIELDS } from './fields';

const VALUES: Readonly<Record<string, readonly string[]>> = {
  'metadata-version': ['1.0', '1.1', '1.2', '2.0', '2.1', '2.2', '2.3', '2.4', '2.5', '3.0', '', '2.1 '],
  name: ['foo', 'Foo.Bar', 'foo_bar-baz', '-bad', 'a b', '', 'öko', 'x'],
  version: ['1.0', '1.0.post1', 'v1.0', 'bad', '', '1.0+local.1', '2!1.0rc1.dev3'],
  'requires-dist': ['foo', 'foo>=1', 'foo (>=1)', 'foo; python_version < "3"', 'foo[bar]>=1; extra == "x"', 'foo>>1', 'foo @ https://x.org/f.whl', '!bad', '', 'foo ==1.*'],
  'requires-python': ['>=3.8', '>=3.8,<4', '~=3', '3.8', '', '>=3.8.*', '==3.*'],
  'description-content-type': [
    'text/markdown', 'text/markdown; charset=UTF-8; variant=GFM', 'text/markdown; variant=MyST', 'text/x-rst', 'text/plain; charset=latin1',
    'text/html', 'markdown', 'Text/Markdown', 'text/markdown;charset="UTF-8"', 'text/markdown; charset=utf-8', 'text/markdown; variant=CommonMark',
  ],
  dynamic: ['license', 'Requires-Dist', 'name', 'foo', 'Version', 'metadata-version', 'LICENSE-FILE'],
  'provides-extra': ['test', 'Test_X', 'bad extra', '', 'a.b'],
  'license-expression': ['MIT', 'mit or apache-2.0', 'MIT AND', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-Foo', 'Not-A-License', '', '(MIT)'],
  'license-file': ['LICENSE', 'licenses/LICENSE.txt', '../LICENSE', '/abs', 'C:/x', 'a\\b', 'a//b', './x', '*.txt', '.', '', 'a/'],
  'import-name': ['foo', 'foo.bar', 'foo; private', 'foo;public', 'class', '1x', '', 'foo .bar', 'ünï'],
  'import-namespace': ['foo', 'foo.bar; private', 'def'],
  summary: ['A thing', 'multi\n line', '', 'x'.repeat(600)],
  keywords: ['a,b, c', '', ' spaced , out '],
  'project-url': ['Home, https://x', 'Home,https://y', 'nocomma', ', url', 'Docs , https://d '],
};
const GENERIC = ['x', 'Jöhn Dœ', '  spaced  ', '', 'a, b', 'https://example.org'];
const UNKNOWN = ['X-Custom', 'Name ', 'Foo', 'Requires', 'Home-page', 'Supported-Platform', 'License-File', 'Import-Name', 'Description'];
const STRAY = ['no colon here', 'From someone', ':nohdr', ' leading continuation', '\tTabbed'];
const BODIES = [null, '', 'Some body\n', 'line1\n\nline3 ö\n', '\n\nstarts blank', 'From the body\n'];

const header = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELDS.map((f) => f.header)) },
  { weight: 1, arbitrary: fc.constantFrom(...FIELDS.map((f) => f.header.toUpperCase()), ...FIELDS.map((f) => f.header.toLowerCase())) },
  { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN) },
);

interface Line {
  readonly name: string;
  readonly value: string;
  readonly fold: string | null;
  readonly badBytes: boolean;
}

const line: fc.Arbitrary<Line> = header.chain((name) =>
  fc.record({
    name: fc.constant(name),
    value: fc.constantFrom(...(VALUES[name.toLowerCase()] ?? GENERIC)),
    fold: fc.option(fc.constantFrom('\n  more', '\n\tmore', '\n        |indented', '\n \n x'), { freq: 8 }),
    badBytes: fc.nat(9).map((n) => n === 0),
  }),
);

const doc = fc.record({
  lines: fc.array(line, { minLength: 0, maxLength: 10 }),
  eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  stray: fc.option(fc.tuple(fc.constantFrom(...STRAY), fc.nat(10)), { freq: 6 }),
  body: fc.constantFrom(...BODIES),
  badBody: fc.boolean(),
  prefix: fc.boolean(),
});

/** Assemble one generated document as bytes. */
type Doc = typeof doc extends fc.Arbitrary<infer T> ? T : never;

function build(d: Doc): Buffer {
  const parts: Buffer[] = [];
  const lines = d.prefix ? [{ name: 'Metadata-Version', value: '2.4', fold: null, badBytes: false }, { name: 'Name', value: 'demo', fold: null, badBytes: false }, { name: 'Version', value: '1.0', fold: null, badBytes: false }, ...d.lines] : d.lines;
  for (const [i, l] of lines.entries()) {
    if (d.stray && d.stray[1] === i) parts.push(Buffer.from(d.stray[0] + d.eol));
    const value = (l.value + (l.fold ?? '')).replace(/\n/g, d.eol);
    parts.push(Buffer.from(`${l.name}: `), l.badBytes ? Buffer.from([0x61, 0xff, 0xfe]) : Buffer.from(value), Buffer.from(d.eol));
  }
  if (d.body !== null) {
    parts.push(Buffer.from(d.eol), Buffer.from(d.body.replace(/\n/g, d.eol)));
    if (d.badBody) parts.push(Buffer.from([0xc3, 0x28]));
  }
  return Buffer.concat(parts);
}

/** `count` generated METADATA documents (bytes), reproducible for a seed. */
export function generatedMetadataDocs(count: number, seed = 20260817): Buffer[] {
  return fc.sample(doc, { numRuns: count, seed }).map(build);
}

/** Small mutations of a real document: drop, duplicate or re-version a line, inject bad bytes. */
export function mutateMetadata(doc: Buffer, k: number): Buffer {
  const lines = doc.toString('latin1').split('\n');
  const i = lines.length > 1 ? k % Math.min(lines.length, 40) : 0;
  switch (k % 5) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 2:
      lines[0] = `Metadata-Version: ${['1.0', '1.2', '2.1', '2.2', '2.5', '9.9'][k % 6]}`;
      break;
    case 3:
      lines.splice(i, 0, 'Summary: \xff\xfe');
      break;
    default:
      lines.splice(i, 0, ' continuation');
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}
