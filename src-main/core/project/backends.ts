/**
 * Known PEP 517 build backends, by their `build-system.build-backend` value.
 *
 * Only the family name is needed here (the Project view shows it); capability checks per
 * backend version live in core/pyproject.
 */
const FAMILIES: readonly (readonly [RegExp, string])[] = [
  [/^hatchling(\.|$)/, 'hatchling'],
  [/^setuptools(\.|$)/, 'setuptools'],
  [/^flit_core(\.|$)/, 'flit-core'],
  [/^pdm\.backend$|^pdm\.pep517/, 'pdm-backend'],
  [/^poetry\.core(\.|$)|^poetry\.masonry/, 'poetry-core'],
  [/^maturin$/, 'maturin'],
  [/^scikit_build_core(\.|$)/, 'scikit-build-core'],
  [/^mesonpy$/, 'meson-python'],
  [/^uv_build$/, 'uv-build'],
  [/^sipbuild\.api$/, 'sip'],
  [/^enscons\.api$/, 'enscons'],
];

/** PEP 517: without [build-system], frontends fall back to setuptools' legacy backend. */
export const LEGACY_BACKEND = 'setuptools.build_meta:__legacy__';

export function backendFamily(buildBackend: string | null): string | null {
  const value = (buildBackend ?? LEGACY_BACKEND).trim();
  for (const [re, name] of FAMILIES) if (re.test(value)) return name;
  return null;
}
