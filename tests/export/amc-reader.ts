/**
 * Reads AMC-TXT back the way Auto Multiple Choice does: the line patterns
 * of AMC-perl/AMC/Filter/plain.pm, transcribed, so the test
 * does not trust the exporter's own idea of the syntax.
 */

const OPTIONS = [
  'Title',
  'Presentation',
  'Code',
  'Lang',
  'Font',
  'BoxColor',
  'PaperSize',
  'AnswerSheetTitle',
  'AnswerSheetPresentation',
  'AnswerSheetColumns',
  'CompleteMulti',
  'SeparateAnswerSheet',
  'AutoMarks',
  'DefaultScoringM',
  'DefaultScoringS',
  'L-Question',
  'L-None',
  'L-Name',
  'L-Student',
  'LaTeX',
  'LaTeX-Preambule',
  'LaTeX-BeginDocument',
  'LaTeX-BeginCopy',
  'LaTeX-EndCopy',
  'PDF-BeginCopy',
  'PDF-EndCopy',
  'LaTeXEngine',
  'xltxtra',
  'ShuffleQuestions',
  'Columns',
  'QuestionBlocks',
  'Arabic',
  'ArabicFont',
  'Disable',
  'ManualDuplex',
  'SingleSided',
  'L-OpenText',
  'L-OpenReserved',
  'CodeDigitsDirection',
  'PackageOptions',
  'NameFieldWidth',
  'NameFieldLines',
  'NameFieldLinespace',
  'TitleWidth',
  'Pages',
  'RandomSeed',
  'PreAssociation',
  'PreAssociationKey',
  'PreAssociationName',
];
const OPTION = new RegExp(`^\\s*(${OPTIONS.join('|')}):\\s*(.*)`, 'i');
const UNKNOWN_OPTION = /^([a-z0-9-]+):/i;
const GROUP = /^\s*\*([()])(?:\[([^\]]*)\])?\s*(.*)/;
const QUESTION = /^\s*(\*{1,2})(?:<([^>]*)>)?(?:\[([^\]]*)\])?(?:\{([^}]*)\})?\s*(.*)/;
const ANSWER = /^\s*(\+|-)(?:\[([^\]]*)\])?(?:\{([^}]*)\})?\s*(.*)/;

export interface AmcAnswer {
  correct: boolean;
  letter?: string;
  scoring: string;
  text: string;
}
export interface AmcQuestion {
  multiple: boolean;
  options: Record<string, string>;
  scoring: string;
  text: string;
  answers: AmcAnswer[];
}
export interface AmcGroup {
  options: Record<string, string>;
  header: string;
  questions: AmcQuestion[];
}
export interface AmcSource {
  options: Record<string, string>;
  groups: AmcGroup[];
  /** Lines AMC would report as errors. */
  errors: string[];
  comments: string[];
}

function readOptions(text: string | undefined): Record<string, string> {
  if (!text) return {};
  return Object.fromEntries(
    text
      .split(/,+/)
      .filter((o) => o !== '')
      .map((o) => {
        const at = o.indexOf('=');
        return at < 0 ? [o, '1'] : [o.slice(0, at), o.slice(at + 1)];
      }),
  );
}

export function readAmc(source: string): AmcSource {
  const result: AmcSource = { options: {}, groups: [], errors: [], comments: [] };
  const main: AmcGroup = { options: {}, header: '', questions: [] };
  let group = main;
  let question: AmcQuestion | undefined;
  let follow: ((line: string) => void) | undefined;
  source.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) {
      result.comments.push(line);
      return;
    }
    let m = OPTION.exec(line);
    if (m) {
      const name = m[1]!.toLowerCase();
      result.options[name] = m[2]!;
      follow = (more) => (result.options[name] += `\n${more}`);
      question = undefined;
      return;
    }
    if (UNKNOWN_OPTION.test(line)) result.errors.push(`line ${i + 1}: unknown option`);
    m = GROUP.exec(line);
    if (m) {
      if (m[1] === '(') {
        group = { options: readOptions(m[2]), header: m[3]!, questions: [] };
        result.groups.push(group);
        follow = (more) => (group.header += `\n${more}`);
      } else {
        group = main;
        follow = undefined;
      }
      return;
    }
    m = QUESTION.exec(line);
    if (m) {
      const q: AmcQuestion = {
        multiple: m[1] === '**',
        options: readOptions(m[3]),
        scoring: m[4] ?? '',
        text: m[5]!,
        answers: [],
      };
      group.questions.push(q);
      question = q;
      follow = (more) => (q.text += `\n${more}`);
      return;
    }
    m = ANSWER.exec(line);
    if (m) {
      if (!question) {
        result.errors.push(`line ${i + 1}: choice outside question`);
        return;
      }
      const a: AmcAnswer = {
        correct: m[1] === '+',
        ...(m[2] === undefined ? {} : { letter: m[2] }),
        scoring: m[3] ?? '',
        text: m[4]!,
      };
      question.answers.push(a);
      follow = (more) => (a.text += `\n${more}`);
      return;
    }
    follow?.(line);
  });
  if (main.questions.length > 0) result.groups.unshift(main);
  // AMC's value_cleanup: surrounding white space (the blank lines between blocks) is dropped.
  for (const name of Object.keys(result.options))
    result.options[name] = result.options[name]!.trim();
  return result;
}

/**
 * The text a student sees, with the exporter's "[[...]]" raw-LaTeX pieces
 * resolved: "{[}" is a literal "[", \emph{ \textbf{ \texttt{ and } are markup.
 */
export function amcPlainText(text: string): string {
  return text
    .trim()
    .replace(/\[\[((?:(?!\]\]).)+)\]\]/g, (_, latex: string) =>
      latex === '{[}' ? '[' : /^(\\(emph|textbf|texttt)\{|\})$/.test(latex) ? '' : `<<${latex}>>`,
    );
}

/** A directive value: AMC evaluates it as a Perl expression; the exporter writes numbers and "a/b". */
function evaluate(expression: string): number {
  const match = /^\s*(-?[\d.]+)\s*(?:\/\s*([\d.]+))?\s*$/.exec(expression);
  if (!match) throw new Error(`unexpected scoring expression ${expression}`);
  return Number(match[1]) / (match[2] === undefined ? 1 : Number(match[2]));
}

function directives(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(/,+/)
      .filter((d) => d.includes('='))
      .map((d) => [d.slice(0, d.indexOf('=')).trim(), d.slice(d.indexOf('=') + 1)]),
  );
}

/**
 * The score AMC gives a multiple question for the ticked boxes, following
 * AMC::Scoring (score_question for a multiple question: defaults
 * e=0,b=1,m=0,v=0,d=0; haut/mz expansion; b per box handled well, m per
 * box handled badly; then the d shift and the p floor).
 */
export function amcMultipleScore(question: AmcQuestion, ticked: ReadonlySet<number>): number {
  const env: Record<string, string> = {
    e: '0',
    b: '1',
    m: '0',
    v: '0',
    d: '0',
    ...directives(question.scoring),
  };
  if (ticked.size === 0) return evaluate(env.v!);
  if (env.haut !== undefined) throw new Error('haut is not used by the exporter');
  if (env.mz !== undefined) {
    env.d = env.mz;
    env.p ??= '0';
    env.b = '0';
    env.m = String(-(Math.abs(evaluate(env.mz)) + Math.abs(evaluate(env.p)) + 1));
  }
  let score = 0;
  question.answers.forEach((answer, i) => {
    const own = { ...env, ...directives(answer.scoring) };
    score += evaluate((ticked.has(i) === answer.correct ? own.b : own.m)!);
  });
  score += evaluate(env.d!);
  if (env.p !== undefined && score < evaluate(env.p)) score = evaluate(env.p);
  return score;
}
