/** Page object for the pyproject.toml editor (Monaco) beside the project view. */
import { expect, test, type Page } from '@playwright/test';

export class EditorPane {
  constructor(private readonly page: Page) {}

  async ready(): Promise<void> {
    await expect(this.page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  }

  /** Append text at the end of the document (insertText: no auto-closing of quotes). */
  async appendAtEnd(text: string): Promise<void> {
    await test.step(`type at end: ${JSON.stringify(text)}`, async () => {
      await this.page.locator('.monaco-editor .view-lines').click();
      await this.page.keyboard.press('Control+End');
      await this.page.keyboard.insertText(text);
    });
  }

  /** The model's text, read through the page (the DOM shows only visible lines). */
  async text(): Promise<string> {
    return this.page.locator('.monaco-editor').evaluate(() => {
      const lines = [...document.querySelectorAll('.monaco-editor .view-line')].map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
      return lines.join('\n');
    });
  }

  state() {
    return this.page.getByTestId('editor-state');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
