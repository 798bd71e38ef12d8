/** The corpus front matter (formats.md §1): one schema for checks, types and editors. */
import { Type, type Static } from '@sinclair/typebox';

export const KEBAB_ID = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** YYYY, YYYY-MM or YYYY-MM-DD: only the precision the text supports. */
export const PARTIAL_DATE = '^\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?$';

/** Options of a schema published for editors as schema/<file>. */
export function documentSchema(file: string, title: string) {
  return {
    additionalProperties: false,
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://handout.invalid/schema/${file}`,
    title,
  } as const;
}

export const ArticleFrontMatterSchema = Type.Object(
  {
    id: Type.String({ pattern: KEBAB_ID, description: 'kebab-case, equal to the file name' }),
    title: Type.String({ minLength: 1 }),
    outlet: Type.String({ minLength: 1 }),
    // A bare year is read by YAML as a number; validation turns it into text.
    published: Type.String({
      pattern: PARTIAL_DATE,
      description: 'YYYY-MM-DD, YYYY-MM or YYYY: only what the text supports',
    }),
    dateline: Type.Optional(Type.String({ minLength: 1 })),
    author: Type.Optional(Type.String({ minLength: 1, description: 'as the byline gives it' })),
    source_file: Type.Optional(Type.String({ minLength: 1 })),
    source_url: Type.Optional(
      Type.String({
        pattern: '^https?://',
        description: 'the address the article was published at',
      }),
    ),
    summary: Type.String({ minLength: 1, description: 'two or three sentences in your own words' }),
    tags: Type.Optional(Type.Array(Type.String({ pattern: KEBAB_ID }))),
  },
  documentSchema('article.schema.json', 'handout corpus article front matter'),
);

export type ArticleFrontMatter = Static<typeof ArticleFrontMatterSchema>;
