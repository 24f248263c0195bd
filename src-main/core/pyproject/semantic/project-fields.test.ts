import { describe, expect, it } from 'vitest';
import { applyFix, codes, HEAD, only } from '../testing/helpers';
import { isEntryPointReference } from './project-fields';

describe('other [project] rules', () => {
  it('readme: standard suffixes, content-type in tables', () => {
    expect(codes(`${HEAD}readme = "README.md"\n`)).toEqual([]);
    expect(codes(`${HEAD}readme = "README.txt"\n`)).toContain('PW-README-001');
    const text = `${HEAD}readme = { file = "README.rst" }\n`;
    expect(applyFix(text, only(text, 'PW-README-002').fixes[0])).toContain('content-type = "text/x-rst"');
    expect(codes(`${HEAD}readme = { file = "README.md", content-type = "text/html" }\n`)).toContain('PW-README-004');
  });

  it('entry point references', () => {
    expect(isEntryPointReference('pkg.cli:main')).toBe(true);
    expect(isEntryPointReference('pkg.cli')).toBe(true);
    expect(isEntryPointReference('pkg-cli:main')).toBe(false);
    expect(codes(`${HEAD}[project.scripts]\ndemo = "demo.cli main"\n`)).toContain('PW-ENTRY-001');
  });

  it('console_scripts must be written as [project.scripts]', () => {
    const d = only(`${HEAD}[project.entry-points.console_scripts]\ndemo = "demo:main"\n`, 'PW-SCHEMA-009');
    expect(d.message).toContain('[project.scripts]');
  });

  it('author names without commas, one-line description, short URL labels', () => {
    expect(codes(`${HEAD}authors = [{ name = "Doe, Jane" }]\n`)).toContain('PW-AUTHOR-001');
    expect(codes(`${HEAD}description = "a\\nb"\n`)).toContain('PW-DESCRIPTION-001');
    expect(codes(`${HEAD}[project.urls]\n"${'x'.repeat(33)}" = "https://example.org"\n`)).toContain('PW-URL-001');
  });

  it('import names: keywords, duplicates and parents (PEP 794)', () => {
    expect(codes(`${HEAD}import-names = ["pkg", "pkg.sub"]\n`)).toEqual([]);
    expect(codes(`${HEAD}import-namespaces = ["class"]\n`)).toContain('PW-IMPORT-001');
    expect(codes(`${HEAD}import-names = ["one"]\nimport-namespaces = ["one; private"]\n`)).toContain('PW-IMPORT-002');
    expect(codes(`${HEAD}import-names = ["one.two"]\n`)).toContain('PW-IMPORT-003');
  });

  it('entry point names and URLs', () => {
    expect(codes(`${HEAD}[project.scripts]\n"a=b" = "demo:main"\n`)).toContain('PW-ENTRY-002');
    const text = `${HEAD}[project.urls]\nHomepage = "example.org/demo"\n`;
    const d = only(text, 'PW-URL-002');
    expect(d.severity).toBe('warning');
    expect(applyFix(text, d.fixes[0])).toContain('Homepage = "https://example.org/demo"');
    expect(codes(`${HEAD}[project.urls]\nHomepage = "https://exa mple.org"\n`)).toContain('PW-URL-003');
    expect(codes(`${HEAD}authors = [{ name = "Zoë", email = "zoë@exämple.org" }]\n`)).toEqual([]);
  });
});
