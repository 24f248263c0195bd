/**
 * The target environment (a named interpreter + platform, or a Python version and a platform)
 * and where packages come from (index URLs, the machine's local index), plus the pre-release
 * policy and the resolution strategy.
 */
import type { DependenciesOptions } from '@contract';
import { indexUrls, useLocalIndex } from '../run/build-input';
import { useDependenciesUi, type IndexStrategy, type PrereleasePolicy, type Strategy } from '../store';

const OS_LABEL: Readonly<Record<string, string>> = { linux: 'Linux', macos: 'macOS', windows: 'Windows' };

/** The target environment fieldset. */
export function TargetFields({ options }: { readonly options: DependenciesOptions | undefined }) {
  const form = useDependenciesUi();
  const targets = options?.targets ?? [];
  const byOs = [...new Set(targets.map((t) => t.os))];
  return (
    <fieldset className="deps-fieldset">
      <legend>Target environment</legend>
      <div className="deps-radios" role="radiogroup" aria-label="Target kind">
        <label className="check">
          <input type="radio" name="deps-target-mode" checked={form.targetMode === 'named'} onChange={() => form.setForm({ targetMode: 'named' })} />
          Named target
        </label>
        <label className="check">
          <input type="radio" name="deps-target-mode" checked={form.targetMode === 'custom'} onChange={() => form.setForm({ targetMode: 'custom' })} />
          Python version and platform
        </label>
      </div>
      {form.targetMode === 'named' ? (
        <>
          <label htmlFor="deps-target" className="field-label">
            Target
          </label>
          <select id="deps-target" value={form.targetId ?? options?.defaultTargetId ?? ''} onChange={(e) => form.setForm({ targetId: e.target.value })}>
            {byOs.map((os) => (
              <optgroup key={os} label={OS_LABEL[os] ?? os}>
                {targets
                  .filter((t) => t.os === os)
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </>
      ) : (
        <div className="deps-row">
          <label className="field-label">
            Python
            <input value={form.customPython} onChange={(e) => form.setForm({ customPython: e.target.value })} size={6} />
          </label>
          <label className="field-label">
            Platform (wheel tag or uv name)
            <input value={form.customPlatform} onChange={(e) => form.setForm({ customPlatform: e.target.value })} placeholder="manylinux_2_28_x86_64" />
          </label>
        </div>
      )}
    </fieldset>
  );
}

/** The package index fieldset, with the resolver options. */
export function IndexFields({ options }: { readonly options: DependenciesOptions | undefined }) {
  const form = useDependenciesUi();
  const local = options?.localIndexes ?? [];
  return (
    <fieldset className="deps-fieldset">
      <legend>Package index</legend>
      <label htmlFor="deps-index" className="field-label">
        Index URLs, highest priority first (PEP 503/691; https:// or file://)
      </label>
      <textarea id="deps-index" className="deps-textarea" rows={2} spellCheck={false} value={form.indexText ?? indexUrls(form, options).join('\n')} onChange={(e) => form.setForm({ indexText: e.target.value })} />
      {local.length ? (
        <label className="check">
          <input type="checkbox" checked={useLocalIndex(form, options)} onChange={(e) => form.setForm({ useLocal: e.target.checked })} />
          <span>
            Also use this machine&apos;s local index <span className="path">({local.map((l) => l.url).join(', ')})</span>
          </span>
        </label>
      ) : null}
      <details className="deps-more">
        <summary>More options</summary>
        <div className="deps-row">
          <label className="field-label">
            Pre-releases
            <select value={form.prerelease} onChange={(e) => form.setForm({ prerelease: e.target.value as PrereleasePolicy })}>
              <option value="prefer-stable">only when nothing stable fits (uv)</option>
              <option value="allow">allow</option>
              <option value="disallow">never</option>
            </select>
          </label>
          <label className="field-label">
            Versions
            <select value={form.strategy} onChange={(e) => form.setForm({ strategy: e.target.value as Strategy })}>
              <option value="highest">highest</option>
              <option value="lowest">lowest</option>
              <option value="lowest-direct">lowest for direct requirements</option>
            </select>
          </label>
          <label className="field-label">
            Several indexes
            <select value={form.indexStrategy} onChange={(e) => form.setForm({ indexStrategy: e.target.value as IndexStrategy })}>
              <option value="first-index">first index that has the project (safe)</option>
              <option value="unsafe-first-match">each version from the first index that has it</option>
              <option value="unsafe-best-match">all files of all indexes (pip)</option>
            </select>
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.offline} onChange={(e) => form.setForm({ offline: e.target.checked })} />
          Offline: use only index pages already in the cache
        </label>
      </details>
    </fieldset>
  );
}
