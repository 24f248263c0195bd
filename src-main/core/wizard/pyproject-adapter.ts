/**
 * What the wizard uses from core/pyproject, in one place, plus one helper it lacks publicly:
 * raising a requirement's lower bound from its text (core/pyproject's `raiseFloor` takes a parsed
 * requirement). The pyproject module is still being finished by its owner; this adapter keeps
 * the wizard's dependency on it narrow.
 */
import { raiseFloor } from '../pyproject';
import { SpecifierSet, VersionSet } from '../standards/pep440';
import { parseRequirement } from '../standards/pep508';

export {
  applyEdits,
  knownBackendFamilies,
  minimalEdits,
  parseDocument,
  type DataPath,
  type EditChange,
  type EditResult,
  type TomlTable,
  type TomlValue,
} from '../pyproject';

/**
 * `requirement` with its lower bound raised to `min` (other specifiers and markers kept), the
 * text unchanged when it already admits only releases ≥ `min`, or null when it cannot be read
 * or names a URL.
 */
export function raiseFloorText(requirement: string, min: string): string | null {
  try {
    const req = parseRequirement(requirement);
    if (req.url) return null;
    const allowed = VersionSet.fromSpecifierSet(req.specifier);
    if (!req.specifier.isEmpty && allowed.isSubsetOf(VersionSet.fromSpecifierSet(SpecifierSet.parse(`>=${min}`)))) return requirement;
    return raiseFloor(requirement, req, min);
  } catch {
    return null;
  }
}
