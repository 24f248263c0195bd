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

  /**
   * The visible text, in line order (Monaco renders only the lines on screen, and not in DOM
   * order: lines are positioned by their `top`).
   */
  async text(): Promise<string> {
    return this.page.locator('.monaco-editor').first().evaluate(() => {
      const lines = [...document.querySelectorAll<HTMLElement>('.monaco-editor .view-lines .view-line')]
        .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
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
