/** Page object for the Releases workspace (the app's local package index); each action is a named test step. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export class ReleasesPage {
  constructor(private readonly page: Page) {}

  async show(): Promise<void> {
    await test.step('open the Releases workspace', async () => {
      await this.page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name: 'Releases' }).click();
      await expect(this.page.getByRole('heading', { name: 'Local package index' })).toBeVisible();
    });
  }

  /** Start the index with the default folder and a free port; returns its address. */
  async start(): Promise<string> {
    return test.step('start the local index', async () => {
      await this.page.getByRole('button', { name: 'Start local index' }).click();
      await expect(this.page.getByTestId('index-state')).toHaveText('Running');
      return (await this.page.getByTestId('index-url').textContent())!.trim();
    });
  }

  async stop(): Promise<void> {
    await test.step('stop the local index', async () => {
      await this.page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(this.page.getByTestId('index-state')).toHaveText('Stopped');
    });
  }

  /** Create a token for the listed projects; returns the secret shown once, and the token id. */
  async createToken(projects: readonly string[]): Promise<{ token: string; id: string }> {
    return test.step(`create a token for ${projects.join(', ')}`, async () => {
      await this.page.getByRole('button', { name: 'Create token…' }).click();
      const dialog = this.page.getByRole('dialog', { name: 'Create an upload token' });
      await dialog.getByRole('radio', { name: 'Only these projects' }).check();
      await dialog.getByRole('textbox', { name: 'Projects (separated by commas or spaces)' }).fill(projects.join(', '));
      await dialog.getByRole('button', { name: 'Create token' }).click();
      const created = this.page.getByRole('dialog', { name: 'Token created' });
      const token = (await created.getByTestId('new-token').textContent())!.trim();
      const id = /id ([0-9a-f]{12})/.exec((await created.textContent()) ?? '')![1]!;
      await created.getByRole('button', { name: 'Done' }).click();
      await expect(created).toBeHidden();
      return { token, id };
    });
  }

  tokenRow(id: string): Locator {
    return this.page.locator(`[data-testid="token-row"][data-token-id="${id}"]`);
  }

  async revokeToken(id: string): Promise<void> {
    await test.step(`revoke token ${id}`, async () => {
      await this.page.getByRole('button', { name: `Revoke token ${id}` }).click();
      await this.page.getByRole('dialog', { name: `Revoke token ${id}?` }).getByRole('button', { name: 'Revoke' }).click();
      await expect(this.tokenRow(id)).toBeHidden();
    });
  }

  file(filename: string): Locator {
    return this.page.locator(`[data-testid="index-file"][data-filename="${filename}"]`);
  }

  release(version: string): Locator {
    return this.page.locator(`[data-testid="index-release"][data-version="${version}"]`);
  }

  async yank(version: string, reason: string): Promise<void> {
    await test.step(`yank ${version}`, async () => {
      await this.release(version).getByRole('button', { name: 'Yank…' }).click();
      const dialog = this.page.getByRole('dialog', { name: /^Yank / });
      await dialog.getByLabel('Reason (shown by pip)').fill(reason);
      await dialog.getByRole('button', { name: 'Yank release' }).click();
      await expect(dialog).toBeHidden();
    });
  }
}
