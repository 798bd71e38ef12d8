#!/usr/bin/env node
/** Writes docs/lint.md from the lint rules (run after npm run build). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../dist/lint/docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'docs', 'lint.md'), rulesMarkdown());
console.log('wrote docs/lint.md');
