/**
 * Build files the native backends cannot work without: maturin needs a Cargo crate (PyO3 user
 * guide, "Mixed Rust/Python projects"), scikit-build-core a CMakeLists.txt (its "Getting
 * started"), meson-python a meson.build that installs the Python sources (its tutorial). Each is
 * the smallest file that builds; the user adds the extension code.
 */
import type { BackendId } from './backends';
import type { PlannedFile } from './files';

interface NativeContext {
  readonly name: string;
  readonly version: string;
  readonly pkg: string;
  readonly pkgDir: string;
  /** The package's Python files (for meson's install_sources). */
  readonly sources: readonly string[];
}

/** Cargo needs SemVer; a PEP 440 version that is not one falls back to 0.1.0. */
const semver = (v: string): string => (/^\d+\.\d+\.\d+$/.test(v) ? v : '0.1.0');
const crateName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
const mesonString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function nativeBuildFiles(backend: BackendId, c: NativeContext): PlannedFile[] {
  switch (backend) {
    case 'maturin':
      return [
        {
          path: 'Cargo.toml',
          role: 'build',
          content: `[package]\nname = "${crateName(c.name)}"\nversion = "${semver(c.version)}"\nedition = "2021"\n\n[lib]\n# Imported as ${c.pkg}._core (tool.maturin.module-name in pyproject.toml).\nname = "_core"\ncrate-type = ["cdylib"]\n\n[dependencies]\npyo3 = "0.25"\n`,
        },
        {
          path: 'src/lib.rs',
          role: 'build',
          content: `use pyo3::prelude::*;\n\n/// Returns a greeting (an example; replace it with your own code).\n#[pyfunction]\nfn hello() -> String {\n    "Hello from Rust!".to_string()\n}\n\n#[pymodule]\nfn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {\n    m.add_function(wrap_pyfunction!(hello, m)?)?;\n    Ok(())\n}\n`,
        },
      ];
    case 'scikit-build-core':
      return [
        {
          path: 'CMakeLists.txt',
          role: 'build',
          content: `cmake_minimum_required(VERSION 3.15...3.31)\nproject(\${SKBUILD_PROJECT_NAME} LANGUAGES C)\n\n# Add extension modules here; scikit-build-core installs ${c.pkgDir} by itself.\n`,
        },
      ];
    case 'meson-python': {
      const sources = c.sources.filter((s) => s.endsWith('.py'));
      const bySubdir = new Map<string, string[]>();
      for (const s of sources) {
        const rel = s.slice(c.pkgDir.length + 1);
        const sub = [c.pkg, ...rel.split('/').slice(0, -1)].join('/');
        bySubdir.set(sub, [...(bySubdir.get(sub) ?? []), s]);
      }
      const installs = [...bySubdir].map(([sub, files]) => `py.install_sources(\n${files.map((f) => `  ${mesonString(f)},\n`).join('')}  subdir: ${mesonString(sub)},\n)\n`);
      return [
        {
          path: 'meson.build',
          role: 'build',
          content: `project(${mesonString(c.name)}, version: ${mesonString(c.version)})\n\npy = import('python').find_installation(pure: false)\n\n${installs.join('\n')}\n# Add extension modules with py.extension_module(...).\n`,
        },
      ];
    }
    default:
      return [];
  }
}
