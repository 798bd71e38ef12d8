/** Briefings and open-book packs as HTML. */
import type { Paper } from '../quiz/blueprint.js';
import type { BriefingModel } from '../briefing/model.js';
import type { OpenBookModel } from '../briefing/open-book.js';
import { renderTemplate, type Environment } from './env.js';
import { pageFrame } from './page.js';

export function renderBriefing(
  model: BriefingModel,
  env: Environment,
  paper: Paper,
  assetsUrl: string,
): string {
  const edition = model.edition === 'teacher' ? 'Teacher edition' : 'Student edition';
  return renderTemplate(env, 'briefing/briefing.njk', {
    ...pageFrame({
      title: `${model.title} — ${edition}`,
      paper,
      assetsUrl,
      headerLeft: model.title,
      headerRight: edition,
      footerLeft: `Briefing ${model.id} · ${model.period}`,
    }),
    b: model,
  });
}

export function renderOpenBook(
  model: OpenBookModel,
  env: Environment,
  paper: Paper,
  assetsUrl: string,
): string {
  return renderTemplate(env, 'briefing/open-book.njk', {
    ...pageFrame({
      title: `${model.quizTitle} — open-book pack, version ${model.version}`,
      paper,
      assetsUrl,
      headerLeft: `${model.quizTitle} · open-book pack`,
      headerRight: `Version ${model.version}`,
      footerLeft: `${model.quizId} · seed ${model.seed} · version ${model.version}`,
    }),
    pack: model,
  });
}
