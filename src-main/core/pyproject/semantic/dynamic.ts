/**
 * `dynamic` rules (PEP 621, as amended by PEP 808,
 * https://packaging.python.org/en/latest/specifications/pyproject-toml/#dynamic):
 * `name` is never dynamic; `version` is static or dynamic; scalar keys may not be both static
 * and dynamic; list/table keys may be both since PEP 808 (the backend may only append).
 */
import type { ErrorObject } from 'ajv';
import { backendFor } from '../backends/floors';
import { makeFix } from '../diagnostic-builder';
import type { DataPath } from '../toml/locate';
import { stringItems, type CheckContext } from './context';

/** Keys that may be static AND dynamic since PEP 808. */
export const APPENDABLE_KEYS: ReadonlySet<string> = new Set([
  'authors', 'classifiers', 'dependencies', 'entry-points', 'gui-scripts', 'import-names', 'import-namespaces',
  'keywords', 'license-files', 'maintainers', 'optional-dependencies', 'scripts', 'urls',
]);

/** Schema findings this check words better (SchemaStore encodes the same rules). */
export function suppressDynamicSchemaErrors(path: DataPath, e: ErrorObject): boolean {
  if (path.length === 1 && path[0] === 'project') {
    if (e.schemaPath.startsWith('#/properties/project/oneOf')) return true;
    if (/^#\/properties\/project\/dependencies\/(version|readme|requires-python|license)\//.test(e.schemaPath)) return true;
  }
  return path[0] === 'project' && path[1] === 'dynamic' && typeof path[2] === 'number' && e.keyword === 'enum' && e.data === 'name';
}

/** The build backend's family for messages ("your build backend" when unknown). */
function backendName(c: CheckContext): string {
  const value = c.buildSystem?.['build-backend'];
  const info = typeof value === 'string' ? backendFor(value) : undefined;
  return info ? `${info.family} (your build backend)` : 'your build backend';
}

export function checkDynamic(c: CheckContext): void {
  const p = c.project;
  if (!p) return;
  const rule = 'PEP 621 / PEP 808';
  const dynamicItems = stringItems(p.dynamic);
  const dynamic = new Set(dynamicItems.map(([, s]) => s));
  for (const [i, field] of dynamicItems) {
    const path = ['project', 'dynamic', i];
    const removeFromDynamic = makeFix(c.doc, `Remove "${field}" from dynamic`, [{ kind: 'removeItem', path: ['project', 'dynamic'], index: i }], { isPreferred: true });
    if (field === 'name') {
      c.report({ code: 'PW-DYNAMIC-001', message: '`name` can never be dynamic: tools must know the project name without running the build backend.', path, rule, fixes: [removeFromDynamic] });
      continue;
    }
    if (!(field in p)) continue;
    if (APPENDABLE_KEYS.has(field)) {
      c.report({
        code: 'PW-DYNAMIC-004',
        severity: 'warning',
        message: `\`${field}\` is both set here and listed in \`dynamic\`. Since PEP 808 (2026) that means "the backend adds more ${field}", but only backends released after PEP 808 accept it; older ones refuse to build. Check that ${backendName(c)} supports PEP 808, or drop one of the two.`,
        path,
        rule,
        fixes: [removeFromDynamic],
      });
    } else {
      c.report({
        code: 'PW-DYNAMIC-003',
        message: `\`${field}\` is given a value here and also listed in \`dynamic\`: a field is either static or filled in by the build backend, never both.`,
        path,
        rule,
        fixes: [removeFromDynamic, makeFix(c.doc, `Remove the static \`${field}\` (let the backend set it)`, [{ kind: 'remove', path: ['project', field] }])],
      });
    }
  }
  if (!('version' in p) && !dynamic.has('version')) {
    const dynamicFix = Array.isArray(p.dynamic)
      ? makeFix(c.doc, 'Let the build backend set the version (add "version" to dynamic)', [{ kind: 'insertItem', path: ['project', 'dynamic'], value: 'version' }])
      : makeFix(c.doc, 'Let the build backend set the version (dynamic = ["version"])', [{ kind: 'set', path: ['project', 'dynamic'], value: ['version'] }]);
    c.report({
      code: 'PW-DYNAMIC-002',
      message: '[project] has no `version`: set one (e.g. `version = "0.1.0"`) or list "version" in `dynamic` so the build backend provides it.',
      path: ['project'],
      part: 'key',
      rule,
      fixes: [makeFix(c.doc, 'Add version = "0.1.0"', [{ kind: 'set', path: ['project', 'version'], value: '0.1.0' }], { isPreferred: true }), dynamicFix],
    });
  }
}
