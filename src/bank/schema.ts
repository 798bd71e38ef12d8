/**
 * The question bank's schema (formats.md §2). This file is the one source of
 * truth: the loader validates against it, the TypeScript types are derived
 * from it, and `npm run schema` publishes it as schema/bank.schema.json for
 * editors (`# yaml-language-server: $schema=...`).
 */
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { documentSchema, KEBAB_ID } from '../corpus/schema.js';

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true-false',
  'short',
  'numeric',
  'cloze',
  'matching',
  'ordering',
  'essay',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const PASSAGE_REF = '^[a-z0-9]+(?:-[a-z0-9]+)*#p[1-9][0-9]*$';

const Text = (description?: string) =>
  Type.String({ minLength: 1, ...(description ? { description } : {}) });
const Id = Type.String({
  pattern: KEBAB_ID,
  description:
    'kebab-case (lowercase letters, digits and hyphens), unique across the bank, e.g. lavrov-wants-guarantees',
});
const Tag = Type.String({
  pattern: KEBAB_ID,
  description: 'a kebab-case topic such as missile-defense',
});
const PassageRef = Type.String({
  pattern: PASSAGE_REF,
  description: 'ARTICLE-ID#pN, e.g. lavrov-studying-proposals-2013#p2',
});
const OneOrMore = <T extends ReturnType<typeof Text>>(item: T, description: string) =>
  Type.Union([item, Type.Array(item, { minItems: 1 })], { description });

const Difficulty = Type.Integer({
  minimum: 1,
  maximum: 3,
  description: '1 (recall), 2 (understanding) or 3 (analysis)',
});
const Points = Type.Number({
  exclusiveMinimum: 0,
  description: 'the points the question is worth',
});
const Tags = Type.Array(Tag, { description: 'topics a teacher can filter by' });

const Prompt = Text('the question as the student reads it');
const Evidence = OneOrMore(
  Text(),
  'a verbatim quote (or list of quotes) from the cited passages that supports the answer',
);

/**
 * Lint rules a question silences. Any kebab-case key passes here: lint
 * names an unknown rule id at its line with the nearest one and the list;
 * the published editor schema enumerates the ids (schema/publish.ts).
 */
export const AllowSchema = Type.Record(
  Type.String({ pattern: KEBAB_ID }),
  Type.String({
    minLength: 1,
    pattern: '\\S',
    description: 'why the rule does not apply to this question (shown by handout stats)',
  }),
  {
    description:
      'lint rules this question silences, each with the reason, e.g. key-longest: "the full title is the point of the question"',
  },
);

/** Fields every question has; cloze and essay relax prompt and evidence. */
const CommonProperties = {
  id: Id,
  passages: OneOrMore(PassageRef, 'the passage(s) the question is keyed to, as ARTICLE-ID#pN'),
  prompt: Prompt,
  evidence: Evidence,
  explanation: Type.Optional(Text('shown in the answer key: why the answer is right')),
  difficulty: Type.Optional(Difficulty),
  tags: Type.Optional(Tags),
  points: Type.Optional(Points),
  allow: Type.Optional(AllowSchema),
};

function question<T extends QuestionType, P extends TProperties>(
  type: T,
  title: string,
  specific: P,
) {
  return Type.Object(
    {
      ...CommonProperties,
      type: Type.Literal(type, { description: 'the question type' }),
      ...specific,
    },
    { additionalProperties: false, title },
  );
}

const FixedOrder = Type.Optional(
  Type.Boolean({
    description: 'true keeps the options in the written order (needed for "all/none of the above")',
  }),
);

export const SingleSchema = question('single', 'Single choice', {
  answer: Text('the correct option, as it should be printed'),
  distractors: Type.Array(Text(), {
    minItems: 2,
    description: 'at least 2 wrong options, plausible and from the same world',
  }),
  fixed_order: FixedOrder,
});
export const MultipleSchema = question('multiple', 'Multiple choice, several answers', {
  answers: Type.Array(Text(), { minItems: 1, description: 'every correct option' }),
  distractors: Type.Array(Text(), { minItems: 1, description: 'at least 1 wrong option' }),
  fixed_order: FixedOrder,
});
export const TrueFalseSchema = question('true-false', 'True or false', {
  answer: Type.Boolean({ description: 'true or false' }),
});
export const ShortSchema = question('short', 'Short answer', {
  answer: Text('the expected answer'),
  accept: Type.Optional(
    Type.Array(Text(), {
      description: 'other answers to accept; case, surrounding space and punctuation are ignored',
    }),
  ),
});
export const NumericSchema = question('numeric', 'Numeric answer', {
  answer: Type.Number({ description: 'the correct number' }),
  tolerance: Type.Optional(
    Type.Number({
      minimum: 0,
      description: 'how far from the answer still counts as right (default 0)',
    }),
  ),
  unit: Type.Optional(Text('printed after the answer box, e.g. helicopters')),
});
export const ClozeSchema = question('cloze', 'Fill in the blanks', {
  prompt: Type.Optional(Prompt),
  text: Text('the text with each blank written [[answer]] or [[answer|alternative]]'),
});
export const MatchingSchema = question('matching', 'Matching', {
  pairs: Type.Array(Type.Object({ left: Text(), right: Text() }, { additionalProperties: false }), {
    minItems: 3,
    description: 'at least 3 pairs of { left, right }',
  }),
  distractors: Type.Optional(
    Type.Array(Text(), { description: 'extra right-hand options that match nothing' }),
  ),
});
export const OrderingSchema = question('ordering', 'Ordering', {
  items: Type.Array(Text(), {
    minItems: 3,
    description: 'at least 3 items, written in the correct order',
  }),
});
export const EssaySchema = question('essay', 'Essay', {
  guidance: Type.Array(Text(), {
    minItems: 1,
    description: 'the points a good answer makes (shown in the key)',
  }),
  evidence: Type.Optional(Evidence),
  lines: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 60,
      description: 'ruled answer lines to print (default 8)',
    }),
  ),
});

export const QUESTION_SCHEMAS: Record<QuestionType, TObject> = {
  single: SingleSchema,
  multiple: MultipleSchema,
  'true-false': TrueFalseSchema,
  short: ShortSchema,
  numeric: NumericSchema,
  cloze: ClozeSchema,
  matching: MatchingSchema,
  ordering: OrderingSchema,
  essay: EssaySchema,
};

export const DefaultsSchema = Type.Object(
  {
    tags: Type.Optional(Tags),
    difficulty: Type.Optional(Difficulty),
    points: Type.Optional(Points),
  },
  {
    additionalProperties: false,
    description: 'copied into every question of the file that lacks them',
  },
);

/** The shape of a bank file before each question is checked against its type. */
export const BankFileShellSchema = Type.Object(
  {
    defaults: Type.Optional(DefaultsSchema),
    questions: Type.Array(Type.Object({}), { description: 'the list of questions' }),
  },
  { additionalProperties: false },
);

/** The whole-file schema published for editors. */
export const BankFileSchema = Type.Object(
  {
    defaults: Type.Optional(DefaultsSchema),
    questions: Type.Array(Type.Union(QUESTION_TYPES.map((t) => QUESTION_SCHEMAS[t])), {
      description: 'the list of questions',
    }),
  },
  documentSchema('bank.schema.json', 'handout question bank file'),
);

export type SingleInput = Static<typeof SingleSchema>;
export type MultipleInput = Static<typeof MultipleSchema>;
export type TrueFalseInput = Static<typeof TrueFalseSchema>;
export type ShortInput = Static<typeof ShortSchema>;
export type NumericInput = Static<typeof NumericSchema>;
export type ClozeInput = Static<typeof ClozeSchema>;
export type MatchingInput = Static<typeof MatchingSchema>;
export type OrderingInput = Static<typeof OrderingSchema>;
export type EssayInput = Static<typeof EssaySchema>;
export type DefaultsInput = Static<typeof DefaultsSchema>;
