/**
 * Reference data for briefings (people, glossary, timeline), keyed to
 * passages like questions. Published as schema/reference.schema.json.
 */
import { Type, type Static } from '@sinclair/typebox';
import { documentSchema, KEBAB_ID, PARTIAL_DATE } from '../corpus/schema.js';
import { PASSAGE_REF } from '../bank/schema.js';

const Id = Type.String({ pattern: KEBAB_ID, description: 'kebab-case, unique in the file' });
const Text = (description?: string) =>
  Type.String({ minLength: 1, ...(description ? { description } : {}) });
const Ref = Type.String({ pattern: PASSAGE_REF, description: 'ARTICLE-ID#pN' });
const Refs = (description: string) => Type.Union([Ref, Type.Array(Ref)], { description });
const Quotes = (description: string) =>
  Type.Union([Text(), Type.Array(Text(), { minItems: 1 })], { description });
const Background = Type.Optional(
  Type.Union([
    Text('facts the articles do not state; printed marked "Background (not from the articles)"'),
    Type.Null(),
  ]),
);

export const PersonSchema = Type.Object(
  {
    id: Id,
    name: Text('full name as the articles give it'),
    country: Type.Optional(Text('the country or organisation they served')),
    match: Type.Optional(
      Type.Array(Text(), {
        minItems: 1,
        description:
          'words that identify the person in the text (default: the last word of the name)',
      }),
    ),
    roles: Type.Array(
      Type.Object(
        {
          role: Text('the office, as the articles give it'),
          passages: Refs("passages that show the role; the dates shown are their articles' dates"),
          evidence: Quotes('verbatim quote(s) from those passages naming the role'),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    also: Type.Optional(Refs('passages that refer to the person without naming them')),
    quoted: Type.Optional(Refs('passages where the person is quoted directly')),
    note: Type.Optional(Text('one or two sentences in your own words')),
    background: Background,
  },
  { additionalProperties: false },
);

// `agreement` is for accords that are not treaties (framework documents,
// accords still being negotiated), so a briefing never labels them treaties.
export const TERM_KINDS = [
  'treaty',
  'agreement',
  'institution',
  'weapon',
  'concept',
  'place',
  'event',
  'acronym',
] as const;

export const TermSchema = Type.Object(
  {
    id: Id,
    term: Text('the term as students meet it'),
    aka: Type.Optional(Type.Array(Text(), { description: 'other spellings used in the text' })),
    expansion: Type.Optional(
      Type.Union([Text('the full name, if the corpus gives it'), Type.Null()]),
    ),
    kind: Type.Union(
      TERM_KINDS.map((k) => Type.Literal(k)),
      { description: TERM_KINDS.join(', ') },
    ),
    definition: Text('in your own words, only what the articles support'),
    background: Background,
    match: Type.Optional(
      Type.Array(Text(), {
        minItems: 1,
        description: 'exact text that marks a mention (default: the term and its aka)',
      }),
    ),
    also: Type.Optional(Refs('passages that discuss it without the exact words')),
    evidence: Quotes(
      'verbatim quote(s) from a passage that mentions it, supporting the definition',
    ),
  },
  { additionalProperties: false },
);

export const EventSchema = Type.Object(
  {
    id: Id,
    date: Type.String({
      pattern: PARTIAL_DATE,
      description: 'YYYY, YYYY-MM or YYYY-MM-DD: exactly the precision the text supports',
    }),
    end: Type.Optional(
      Type.String({ pattern: PARTIAL_DATE, description: 'last day of a multi-day event' }),
    ),
    event: Text('one sentence in your own words'),
    passages: Refs('the passage(s) that report it'),
    evidence: Quotes('verbatim quote(s) from those passages that report it'),
    date_basis: Type.Optional(
      Text('how the date follows from the text, when it is relative or inferred'),
    ),
    background: Background,
  },
  { additionalProperties: false },
);

export const ReferenceFileSchema = Type.Object(
  {
    people: Type.Optional(Type.Array(PersonSchema)),
    terms: Type.Optional(Type.Array(TermSchema)),
    events: Type.Optional(Type.Array(EventSchema)),
  },
  documentSchema(
    'reference.schema.json',
    'handout reference data (people, glossary terms, timeline events)',
  ),
);

export type PersonInput = Static<typeof PersonSchema>;
export type TermInput = Static<typeof TermSchema>;
export type EventInput = Static<typeof EventSchema>;
export type ReferenceFileInput = Static<typeof ReferenceFileSchema>;
