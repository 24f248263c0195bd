/**
 * Replacements for the deprecated SPDX ids packaging still accepts.
 *
 * PEP 639 ("License-Expression"): deprecated ids SHOULD draw a warning and PyPI MAY reject them.
 * Replacements follow the SPDX License List's deprecation notes: the GNU family moved to explicit
 * `-only` / `-or-later` ids (SPDX 3.0) and the `-with-…-exception` ids became `WITH` expressions.
 * For a bare GNU id (`GPL-2.0`) the version intent is unknown, so both forms are offered.
 */

const GNU_BARE = /^(A?GPL|LGPL|GFDL)-(\d\.\d)$/;
const GNU_PLUS = /^(A?GPL|LGPL|GFDL)-(\d\.\d)\+$/;

const FIXED: Readonly<Record<string, readonly string[]>> = {
  'BSD-2-Clause-FreeBSD': ['BSD-2-Clause-Views'],
  'BSD-2-Clause-NetBSD': ['BSD-2-Clause'],
  'bzip2-1.0.5': ['bzip2-1.0.6'],
  'eCos-2.0': ['GPL-2.0-or-later WITH eCos-exception-2.0'],
  'GPL-2.0-with-autoconf-exception': ['GPL-2.0-only WITH Autoconf-exception-2.0', 'GPL-2.0-or-later WITH Autoconf-exception-2.0'],
  'GPL-2.0-with-bison-exception': ['GPL-2.0-or-later WITH Bison-exception-2.2'],
  'GPL-2.0-with-classpath-exception': ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0'],
  'GPL-2.0-with-font-exception': ['GPL-2.0-only WITH Font-exception-2.0', 'GPL-2.0-or-later WITH Font-exception-2.0'],
  'GPL-2.0-with-GCC-exception': ['GPL-2.0-or-later WITH GCC-exception-2.0'],
  'GPL-3.0-with-autoconf-exception': ['GPL-3.0-or-later WITH Autoconf-exception-3.0'],
  'GPL-3.0-with-GCC-exception': ['GPL-3.0-or-later WITH GCC-exception-3.1'],
  Nunit: ['zlib-acknowledgement'],
  'StandardML-NJ': ['SMLNJ'],
  wxWindows: ['LGPL-2.0-or-later WITH WxWindows-exception-3.1'],
  // Exceptions.
  'Nokia-Qt-exception-1.1': ['Qt-LGPL-exception-1.1'],
};

/**
 * Suggested replacements for a deprecated id (possibly with a `+` suffix), best first.
 *
 * Returns [] when SPDX names no replacement (e.g. `Net-SNMP`).
 */
export function replacementsFor(id: string): readonly string[] {
  const plus = GNU_PLUS.exec(id);
  if (plus) return [`${plus[1]}-${plus[2]}-or-later`];
  const bare = GNU_BARE.exec(id);
  if (bare) return [`${bare[1]}-${bare[2]}-only`, `${bare[1]}-${bare[2]}-or-later`];
  return FIXED[id] ?? [];
}
