/** Briefing build settings: questions/briefings/<id>.yaml (schema/briefing.schema.json). */
import { Type, type Static } from '@sinclair/typebox';
import { documentSchema, KEBAB_ID } from '../corpus/schema.js';
import { PASSAGE_REF } from '../bank/schema.js';

const Kebab = Type.String({ pattern: KEBAB_ID });

export const BriefingSchema = Type.Object(
  {
    id: Type.String({ pattern: KEBAB_ID, description: 'kebab-case, equal to the file name' }),
    title: Type.String({ minLength: 1 }),
    subtitle: Type.Optional(Type.String({ minLength: 1 })),
    articles: Type.Optional(
      Type.Array(Kebab, { minItems: 1, description: 'the articles to use (default: all)' }),
    ),
    tags: Type.Optional(
      Type.Array(Kebab, { minItems: 1, description: 'use only articles with any of these tags' }),
    ),
    editions: Type.Optional(
      Type.Array(Type.Union([Type.Literal('student'), Type.Literal('teacher')]), {
        minItems: 1,
        description: 'student, teacher or both (default both)',
      }),
    ),
    paper: Type.Optional(Type.Union([Type.Literal('letter'), Type.Literal('a4')])),
    overview: Type.String({
      minLength: 1,
      description: 'the overview, in your own words (Markdown paragraphs)',
    }),
    key_passages: Type.Optional(
      Type.Array(
        Type.Object(
          {
            passage: Type.String({ pattern: PASSAGE_REF, description: 'ARTICLE-ID#pN' }),
            context: Type.String({
              minLength: 1,
              description: 'one line in your own words: why the passage matters',
            }),
          },
          { additionalProperties: false },
        ),
        {
          description:
            'passages quoted verbatim under their article (default: the ones the bank cites most)',
        },
      ),
    ),
    lesson_notes: Type.Optional(
      Type.String({ minLength: 1, description: 'teacher edition only (Markdown paragraphs)' }),
    ),
    for_quiz: Type.Optional(
      Type.String({
        pattern: KEBAB_ID,
        description: 'also build an open-book pack for each version of this quiz',
      }),
    ),
  },
  documentSchema('briefing.schema.json', 'handout briefing'),
);

export type BriefingInput = Static<typeof BriefingSchema>;
