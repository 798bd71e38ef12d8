/** The quiz blueprint (formats.md §3): schema, published as schema/blueprint.schema.json. */
import { Type, type Static } from '@sinclair/typebox';
import { documentSchema, KEBAB_ID } from '../corpus/schema.js';
import { QUESTION_TYPES } from '../bank/schema.js';

const Kebab = Type.String({ pattern: KEBAB_ID });

export const SectionFilterSchema = Type.Object(
  {
    types: Type.Optional(
      Type.Array(Type.Union(QUESTION_TYPES.map((t) => Type.Literal(t))), {
        minItems: 1,
        description: 'question types to draw from',
      }),
    ),
    tags: Type.Optional(
      Type.Array(Kebab, { minItems: 1, description: 'questions with any of these tags' }),
    ),
    articles: Type.Optional(
      Type.Array(Kebab, { minItems: 1, description: 'questions citing any of these articles' }),
    ),
    difficulty: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 3 }), {
        minItems: 1,
        description: 'any of these difficulties (1, 2, 3)',
      }),
    ),
    ids: Type.Optional(Type.Array(Kebab, { minItems: 1, description: 'only these questions' })),
  },
  {
    additionalProperties: false,
    description: 'which questions the section draws from; every filter given must match',
  },
);

export const SectionSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, description: 'printed as the section heading' }),
    instructions: Type.Optional(
      Type.String({ minLength: 1, description: 'printed under the heading' }),
    ),
    pick: Type.Integer({ minimum: 1, description: 'how many questions to draw' }),
    from: SectionFilterSchema,
  },
  { additionalProperties: false },
);

export const BlueprintSchema = Type.Object(
  {
    id: Type.String({ pattern: KEBAB_ID, description: 'kebab-case, equal to the file name' }),
    title: Type.String({ minLength: 1 }),
    instructions: Type.Optional(Type.String({ minLength: 1 })),
    seed: Type.Optional(
      Type.Integer({ minimum: 0, description: 'default seed; --seed overrides it' }),
    ),
    versions: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 26,
        description: 'how many versions, A, B, ... (default 2)',
      }),
    ),
    vary: Type.Optional(
      Type.Union([Type.Literal('order'), Type.Literal('questions')], {
        description: 'order (same questions, new order) or questions (each copy draws its own)',
      }),
    ),
    paper: Type.Optional(
      Type.Union([Type.Literal('letter'), Type.Literal('a4')], { description: 'letter or a4' }),
    ),
    roster: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'a class roster CSV (relative to this file): handout build also makes one copy per student',
      }),
    ),
    duplex: Type.Optional(
      Type.Boolean({
        description: 'start every copy of a class pack on an odd page, for double-sided printing',
      }),
    ),
    answer_sheet: Type.Optional(
      Type.Union(
        [
          Type.Boolean(),
          Type.Object(
            {
              id_digits: Type.Integer({
                minimum: 1,
                maximum: 12,
                description:
                  'digits of the student-ID grid on copies that carry no name (versions A, B, ...); default 6',
              }),
            },
            { additionalProperties: false },
          ),
        ],
        {
          description:
            'add a machine-readable bubble sheet after the questions of every copy, for handout scan (true, or { id_digits: N })',
        },
      ),
    ),
    sections: Type.Array(SectionSchema, { minItems: 1 }),
  },
  documentSchema('blueprint.schema.json', 'handout quiz blueprint'),
);

export type BlueprintInput = Static<typeof BlueprintSchema>;
export type SectionFilter = Static<typeof SectionFilterSchema>;
