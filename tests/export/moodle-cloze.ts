/**
 * Reads Moodle's embedded-answer (cloze) syntax back the way Moodle does:
 * a transcription of the regular expressions and decoding steps of
 * qtype_multianswer_extract_question (question/type/multianswer/
 * questiontype.php), kept independent of the exporter's own code.
 */

const FRACTION = '=|%(-?[0-9]+(?:[.,][0-9]*)?)%';
const ANSWER = '.+?(?<!\\\\|&|&amp;)(?=[~#}]|$)';
const FEEDBACK = '.*?(?<!\\\\)(?=[~}]|$)';
const ALTERNATIVE = `(${FRACTION})?(${ANSWER})(#(${FEEDBACK}))?`;
const TYPES =
  '(NUMERICAL|NM)|(MULTICHOICE|MC)|(MULTICHOICE_V|MCV)|(MULTICHOICE_H|MCH)|(SHORTANSWER|SA|MW)|(SHORTANSWER_C|SAC|MWC)|(MULTICHOICE_S|MCS)|(MULTICHOICE_VS|MCVS)|(MULTICHOICE_HS|MCHS)|(MULTIRESPONSE|MR)|(MULTIRESPONSE_H|MRH)|(MULTIRESPONSE_S|MRS)|(MULTIRESPONSE_HS|MRHS)';
const BLANK = new RegExp(`\\{([0-9]*):(${TYPES}):(${ALTERNATIVE}(~${ALTERNATIVE})*)\\}`, 's');
const NEXT_ALTERNATIVE = new RegExp(`~?${ALTERNATIVE}`, 's');
/** Group numbers in BLANK: the mark, the SHORTANSWER type, the alternatives. */
const MARK = 1;
const SHORTANSWER = 7;
const ALTERNATIVES = 16;

/** PHP's html_entity_decode(ENT_QUOTES) for the entities HTML text can contain. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    '#39': "'",
  };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return named[name] ?? whole;
  });
}

export interface ClozeBlank {
  mark: number;
  shortAnswer: boolean;
  /** Answers as Moodle stores them (a "\*" is qtype_shortanswer's literal star). */
  answers: { fraction: number; text: string }[];
}

export function readMoodleCloze(questionText: string): { blanks: ClozeBlank[]; rest: string } {
  let text = questionText;
  const blanks: ClozeBlank[] = [];
  for (let key = 1; ; key++) {
    const match = BLANK.exec(text);
    if (!match) break;
    const answers: ClozeBlank['answers'] = [];
    let remaining = match[ALTERNATIVES] ?? '';
    for (;;) {
      const alt = NEXT_ALTERNATIVE.exec(remaining);
      if (!alt || remaining === '') break;
      const fraction =
        alt[1] === '=' ? 1 : alt[2] !== undefined ? Number(alt[2].replace(',', '.')) / 100 : 0;
      const answer = decodeEntities(alt[3] ?? '')
        .replace(/\\\}/g, '}')
        .replace(/\\#/g, '#');
      answers.push({ fraction, text: answer });
      remaining = remaining.slice(remaining.indexOf(alt[0]) + alt[0].length);
    }
    blanks.push({
      mark: match[MARK] === '' ? 1 : Number(match[MARK]),
      shortAnswer: match[SHORTANSWER] !== undefined,
      answers,
    });
    text = text.replace(match[0], `{#${key}}`);
  }
  return { blanks, rest: text };
}

/** What qtype_shortanswer compares a response with: "\*" is a literal star. */
export function shortAnswerLiteral(stored: string): string {
  return stored.replace(/\\\*/g, '*');
}
