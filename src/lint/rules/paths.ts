/** Where a question's list fields are written: one value or a list of them. */
import type { Citing } from '../../bank/question.js';
import type { YamlPath } from '../../util/yaml-source.js';

export const passagePath = (citing: Citing, i: number): YamlPath =>
  citing.passages.length > 1 ? ['passages', i] : ['passages'];

export const evidencePath = (citing: Citing, i: number): YamlPath =>
  citing.evidence.length > 1 ? ['evidence', i] : ['evidence'];
