/**
 * How to use the running index: the Simple API URL (PEP 503/691), the legacy upload URL for
 * twine and `uv publish`, a copyable pip line, and a `~/.pypirc` section — none with a secret.
 */
import type { LocalIndexServer } from '@contract';
import { pypircSnippet } from '../format';
import { CopyText } from './copy-text';

export function AddressPanel({ server }: { readonly server: LocalIndexServer }) {
  return (
    <section className="panel" aria-labelledby="index-address-title">
      <h2 id="index-address-title">Use it</h2>
      <CopyText label="Simple API" value={server.simpleUrl} testId="index-simple-url" />
      <CopyText label="Upload URL" value={server.uploadUrl} testId="index-upload-url" />
      <CopyText label="pip" value={`pip install --index-url ${server.simpleUrl} <project>`} testId="index-pip-line" />
      <CopyText label="twine" value={`twine upload --repository-url ${server.uploadUrl} -u __token__ dist/*`} />
      <CopyText label="uv" value={`uv publish --publish-url ${server.uploadUrl} --username __token__ dist/*`} />
      <CopyText label="~/.pypirc" value={pypircSnippet(server.uploadUrl)} multiline testId="index-pypirc" />
      <p className="muted small">
        Uploads need a token from the Tokens section (twine and uv ask for it as the password). PEP 694 staged releases start at <code>{server.upload2Url}</code>.
      </p>
    </section>
  );
}
