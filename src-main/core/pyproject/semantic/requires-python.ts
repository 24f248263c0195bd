/**
 * `project.requires-python`: a PEP 440 specifier set
 * (https://packaging.python.org/en/latest/specifications/pyproject-toml/#requires-python)
 * that admits at least one maintained CPython, preferably without an upper bound: installers
 * pick an older release of the project for a Python above the cap instead of failing
 * (reference digest §3: "warn on upper bounds").
 */
import { InvalidSpecifierError, SpecifierSet, tryParseVersion, type Specifier } from '../../standards/pep440';
import { replaceFix } from '../diagnostic-builder';
import { formatBasicString } from '../edit/format-value';
import { spanInString, type CheckContext } from './context';
import { caretToPep440 } from './requirements';

/**
 * CPython feature releases with upstream support in 2026 (python.org "Status of Python
 * versions": 3.10 until 2026-10, 3.14 released 2025-10). Override with ValidationContext.
 */
export const DEFAULT_CURRENT_PYTHONS: readonly string[] = ['3.10', '3.11', '3.12', '3.13', '3.14'];

const CAP_OPERATORS = new Set(['<', '<=', '~=', '===']);

function isCap(s: Specifier): boolean {
  return CAP_OPERATORS.has(s.operator) || s.operator === '==';
}

/** The specifier set without its upper bounds (`~=X.Y` and `==X.Y.*` become `>=X.Y`). */
export function withoutUpperBounds(specs: readonly Specifier[], separator: string): string {
  const kept: string[] = [];
  for (const s of specs) {
    if (!isCap(s)) kept.push(s.toString());
    else if ((s.operator === '~=' || (s.operator === '==' && s.wildcard)) && s.spec) {
      const base = s.operator === '~=' ? s.version : s.version.slice(0, -2);
      kept.push(`>=${base}`);
    }
  }
  return [...new Set(kept)].join(separator);
}

export function checkRequiresPython(c: CheckContext, currentPythons: readonly string[] = DEFAULT_CURRENT_PYTHONS): void {
  const value = c.project?.['requires-python'];
  if (typeof value !== 'string') return;
  const path = ['project', 'requires-python'];
  const whole = c.doc.index.span(path, 'value');
  const rule = 'PEP 440 / PEP 621';
  let set: SpecifierSet;
  try {
    set = SpecifierSet.parse(value);
  } catch (err) {
    if (!(err instanceof InvalidSpecifierError)) throw err;
    const bare = value.trim();
    const suggestion = tryParseVersion(bare) ? `>=${bare}` : bare.startsWith('^') ? caretToPep440(bare.slice(1).trim()) : null;
    c.report({
      code: 'PW-PYTHON-001',
      message: `"${value}" is not a valid version specifier: ${err.reason} at character ${err.position + 1}. Write e.g. ">=3.10".`,
      path,
      span: spanInString(c, path, err.position, err.position + 1),
      rule,
      fixes: suggestion ? [replaceFix(c.doc, `Change to "${suggestion}"`, whole[0], whole[1], formatBasicString(suggestion), { isPreferred: true })] : [],
    });
    return;
  }
  const specs = set.specifiers;
  const admits = currentPythons.some((minor) => [`${minor}.0`, `${minor}.99`].some((v) => set.contains(v, { prereleases: true })));
  if (!admits && currentPythons.length > 0) {
    c.report({
      code: 'PW-PYTHON-002',
      severity: 'warning',
      message: `requires-python "${value}" admits none of the maintained Python versions (${currentPythons[0]}–${currentPythons[currentPythons.length - 1]}): installers will refuse this project everywhere.`,
      path,
      rule,
    });
  }
  const caps = specs.filter(isCap);
  if (caps.length > 0) {
    const separator = /,\s/.test(value) ? ', ' : ',';
    const fixed = withoutUpperBounds(specs, separator);
    c.report({
      code: 'PW-PYTHON-003',
      severity: 'warning',
      message: `${caps.map((s) => `"${s.toString()}"`).join(', ')} caps the Python version. A cap does not make installs on newer Pythons fail clearly: installers quietly pick an older release of your project instead. Prefer only a lower bound, e.g. ">=3.10".`,
      path,
      rule,
      fixes: fixed ? [replaceFix(c.doc, `Change to "${fixed}"`, whole[0], whole[1], formatBasicString(fixed), { isPreferred: true })] : [],
    });
  }
}
