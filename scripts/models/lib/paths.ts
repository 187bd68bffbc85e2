import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = `${REPO_ROOT}models/data`;
export const MODELS_DIR = `${REPO_ROOT}models`;
export const FOREIGN_FIXTURES_DIR = `${REPO_ROOT}lib/models/test-fixtures`;
