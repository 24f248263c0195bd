/**
 * The Releases workspace against a real local index started from the app: Debian's twine 4.0.2
 * uploads a wheel (Metadata 2.1) with a token created in the UI, the file appears with its hash,
 * a yank with a reason shows (and reaches the Simple API), the token is revoked (uploads with it
 * are refused), and a delete asks for an explicit acknowledgement of the filename-reuse rule.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { probeTool, skipUnless } from '../../src-main/testing/require-tool';
import { expect, test } from '../fixtures/app';
import { buildWheel, uploadLikeTwine } from '../fixtures/dists';
import { ReleasesPage } from '../pages/releases-page';

const run = promisify(execFile);
const twineCheck = probeTool('twine (Debian 4.0.2)', 'twine', ['--version']);
const pythonCheck = probeTool('python3', process.env.PACKWRIGHT_PYTHON ?? 'python3', ['--version']);
const JSON_ACCEPT = { Accept: 'application/vnd.pypi.simple.v1+json' };

const wheel = (name: string, version: string) => buildWheel(name, version, { metadataVersion: '2.1', requiresPython: '>=3.8' });

test('start the index, upload with twine, see the file and its hash, yank it, revoke the token', async ({ app }) => {
  test.skip(skipUnless(twineCheck), twineCheck.reason);
  const built = wheel('pwe2e-demo', '1.0.0');
  const releases = new ReleasesPage(app.page);
  await releases.show();
  const url = await releases.start();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(app.page.getByTestId('index-pip-line')).toHaveText(`pip install --index-url ${url}simple/ <project>`);
  await expect(app.page.getByTestId('index-upload-url')).toHaveText(`${url}legacy/`);
  await expect(app.page.getByTestId('index-pypirc')).toContainText(`repository = ${url}legacy/`);
  await expect(app.page.getByTestId('index-pypirc')).not.toContainText('password =');

  const { token, id } = await releases.createToken(['pwe2e-demo']);
  expect(token).toMatch(/^pypi-pw\./);
  await expect(releases.tokenRow(id)).toContainText('pwe2e-demo');
  // Shown once: once the dialog is closed the secret is nowhere on the page.
  expect(await app.page.content()).not.toContain(token);

  const dist = await built;
  const up = await run('twine', ['upload', '--repository-url', `${url}legacy/`, '-u', '__token__', '-p', token, '--non-interactive', '--disable-progress-bar', dist.path], {
    env: { ...process.env, NO_COLOR: '1' },
  }).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr, failed: true }));
  expect('failed' in up, `${up.stdout}${up.stderr}`).toBe(false);

  const file = releases.file(dist.filename);
  await expect(file).toBeVisible({ timeout: 10_000 });
  await expect(file.getByTestId('file-sha256')).toHaveText(dist.sha256);
  await expect(file).toContainText('>=3.8');

  await releases.yank('1.0.0', 'broken on Windows');
  await expect(releases.release('1.0.0').getByTestId('release-yanked')).toHaveText('Yanked: broken on Windows');
  const page = (await (await fetch(`${url}simple/pwe2e-demo/`, { headers: JSON_ACCEPT })).json()) as { files: { filename: string; yanked: unknown }[] };
  expect(page.files.find((f) => f.filename === dist.filename)?.yanked).toBe('broken on Windows');

  await releases.revokeToken(id);
  await app.page.getByRole('checkbox', { name: /Show 1 revoked token/ }).check();
  await expect(releases.tokenRow(id).getByTestId('token-revoked')).toBeVisible();
  const refused = await uploadLikeTwine(url, token, dist, 'pwe2e-demo', '1.0.0');
  expect(refused.status).toBe(403);
  await releases.stop();
});

test('deleting a file needs an explicit acknowledgement that its filename can never be reused', async ({ app }) => {
  test.skip(skipUnless(pythonCheck), pythonCheck.reason);
  const built = wheel('pwe2e-gone', '2.0.0');
  const releases = new ReleasesPage(app.page);
  await releases.show();
  const url = await releases.start();
  const { token } = await releases.createToken(['pwe2e-gone']);
  const dist = await built;
  expect((await uploadLikeTwine(url, token, dist, 'pwe2e-gone', '2.0.0')).status).toBe(200);
  await expect(releases.file(dist.filename)).toBeVisible({ timeout: 10_000 });

  await app.page.getByRole('button', { name: `Delete ${dist.filename}` }).click();
  const dialog = app.page.getByRole('dialog', { name: `Delete ${dist.filename}?` });
  await expect(dialog.getByTestId('delete-warning')).toContainText('a deleted filename can never be uploaded again');
  const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'I understand these filenames can never be reused' }).check();
  await confirm.click();
  await expect(releases.file(dist.filename)).toHaveCount(0);
  const again = await uploadLikeTwine(url, token, dist, 'pwe2e-gone', '2.0.0');
  expect(again.reason).toContain('previously used by a file that has since been deleted');
});
