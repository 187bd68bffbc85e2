import { expect, type Page, type Response } from '@playwright/test';

export interface ModelUpload {
  modelPath: string;
  cardPath?: string;
  cardText?: string;
}

/** /admin/models: the registry grouped by model, the upload form, the lifecycle forms. */
export class ModelRegistryPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/models');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Decision-support models' })).toBeVisible();
  }

  group(modelKey: string) {
    return this.page.locator(`[data-testid="model-group"][data-model-key="${modelKey}"]`);
  }

  versions(modelKey: string) {
    return this.group(modelKey).getByTestId('model-version');
  }

  version(modelKey: string, semver: string) {
    return this.group(modelKey).locator(`[data-testid="model-version"][data-semver="${semver}"]`);
  }

  uploadForm() {
    return this.page.getByRole('form', { name: 'Register a model version' });
  }

  rejections() {
    return this.uploadForm().getByTestId('upload-rejection');
  }

  /** Fills the form, submits it and returns the server's answer to the upload. */
  async upload(upload: ModelUpload): Promise<Response> {
    const form = this.uploadForm();
    await form.getByLabel('Model file (.onnx)').setInputFiles(upload.modelPath);
    await form.getByLabel('Model card (JSON or YAML file)').setInputFiles(upload.cardPath ? [upload.cardPath] : []);
    await form.getByLabel('…or the card, pasted (JSON or YAML)').fill(upload.cardText ?? '');
    const answer = this.page.waitForResponse((r) => r.url().endsWith('/api/admin/models') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Validate and register' }).click();
    const response = await answer;
    await expect(form.getByRole('button', { name: 'Validate and register' })).toBeEnabled();
    return response;
  }

  /** Opens "Change status…" of a version, gives the reason and presses the button. */
  async changeStatus(modelKey: string, semver: string, button: string, reason: string) {
    const item = this.version(modelKey, semver);
    const disclosure = item.locator('details');
    if (!(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open))) await item.getByText('Change status').click();
    const form = item.getByRole('form', { name: `Change the status of ${modelKey} ${semver}` });
    await form.getByLabel('Reason (recorded in the audit log)').fill(reason);
    await form.getByRole('button', { name: button, exact: true }).click();
  }
}
