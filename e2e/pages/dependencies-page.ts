/** Page object for the Dependencies workspace; each action is a named test step. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export class DependenciesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await test.step('open the Dependencies workspace', async () => {
      await this.page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name: 'Dependencies' }).click();
      // The options (targets, local indexes) are loaded once the matrix button shows its count.
      await expect(this.page.getByRole('button', { name: /Check all environments \(\d+\)/ })).toBeEnabled();
    });
  }

  /** Use only `indexUrl` (not the machine's local index). */
  async useIndex(indexUrl: string): Promise<void> {
    await test.step(`use the index ${indexUrl}`, async () => {
      await this.page.getByLabel(/Index URLs/).fill(indexUrl);
      const local = this.page.getByRole('checkbox', { name: /local index/ });
      if (await local.count()) await local.uncheck();
    });
  }

  async resolvePasted(requirements: string): Promise<void> {
    await test.step(`resolve ${requirements.replace(/\n/g, ', ')}`, async () => {
      await this.page.getByRole('radio', { name: 'Pasted requirements' }).check();
      await this.page.getByLabel(/Requirements, one per line/).fill(requirements);
      await this.page.getByRole('button', { name: 'Resolve', exact: true }).click();
    });
  }

  graph(which: 'conflict' | 'success'): Locator {
    return this.page.getByTestId(which === 'conflict' ? 'deps-conflict-graph' : 'deps-graph');
  }

  async graphReady(which: 'conflict' | 'success'): Promise<void> {
    await expect(this.graph(which)).toHaveAttribute('data-graph-state', 'ready', { timeout: 20_000 });
  }

  node(which: 'conflict' | 'success', id: string): Locator {
    return this.graph(which).locator(`.react-flow__node[data-id="${id}"]`);
  }

  explanation(): Locator {
    return this.page.getByTestId('deps-explanation');
  }
}
