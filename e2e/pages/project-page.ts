/** Page object for the Project workspace; each action is a named test step. */
import { expect, test, type Page } from '@playwright/test';

export class ProjectPage {
  constructor(private readonly page: Page) {}

  async open(folder: string): Promise<void> {
    await test.step(`open project ${folder}`, async () => {
      await this.page.getByRole('combobox', { name: 'Project folder' }).fill(folder);
      await this.page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(this.page.getByTestId('project-file')).toContainText(folder);
    });
  }

  field(id: 'name' | 'version' | 'requires-python' | 'backend') {
    return this.page.getByTestId(`project-${id}`);
  }

  tomlError() {
    return this.page.getByTestId('toml-error');
  }
}
