/** Page object for the project wizard beside the editor; each action is a named test step. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export class WizardPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('wizard');
  }

  async startNewProject(): Promise<void> {
    await test.step('start a new project', async () => {
      await this.page.getByRole('button', { name: 'Create a new project' }).click();
      await expect(this.root).toBeVisible();
    });
  }

  /** Go to a step by its title (the step navigation). */
  async step(title: string): Promise<void> {
    await test.step(`wizard step: ${title}`, async () => {
      await this.root.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button', { name: new RegExp(`^\\d+\\. ${title}`) }).click();
      await expect(this.root.getByRole('heading', { level: 3 })).toHaveText(title);
    });
  }

  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** Type into a wizard field and leave it (which commits the value to the file). */
  async fill(label: string, value: string): Promise<void> {
    await test.step(`fill ${label}: ${value}`, async () => {
      const f = this.field(label);
      await f.fill(value);
      await f.blur();
    });
  }

  async setLicense(expression: string): Promise<void> {
    await test.step(`license: ${expression}`, async () => {
      await this.step('License');
      const input = this.root.getByRole('combobox', { name: 'License expression' });
      await input.fill(expression);
      await input.press('Escape');
      await expect(this.root.getByTestId('license-canonical')).toContainText(expression);
      await this.root.getByRole('button', { name: 'Use this license' }).click();
    });
  }

  async addDependency(requirement: string, viaSuggestion?: string): Promise<void> {
    await test.step(`add dependency ${requirement}`, async () => {
      await this.field('Add a dependency').fill(requirement);
      if (viaSuggestion) await this.root.getByRole('button', { name: `Add ${viaSuggestion}`, exact: true }).click();
      else await this.root.getByRole('button', { name: 'Add', exact: true }).click();
    });
  }

  async addCommand(name: string, target: string): Promise<void> {
    await test.step(`add command ${name}`, async () => {
      await this.field('Command name').fill(name);
      await this.field('Runs').fill(target);
      await this.root.getByRole('button', { name: 'Add command' }).click();
    });
  }

  problems(): Locator {
    return this.root.getByRole('group', { name: 'Problems in this step' });
  }
}
