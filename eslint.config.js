import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ (DEVELOPERS.md, "Layers"), enforced: a file may import
 * from its own layer and the ones below it, never from a layer above. Each
 * entry names the imports a group of files must not make, statically or with
 * a lazy import(), as a pattern of the import path.
 */
const OTHER_LAYERS = [
  'cli',
  'commands',
  'produce',
  'preview',
  'terminal',
  'pdf',
  'write',
  'util',
  'errors.ts',
  'version.ts',
  'bin.ts',
];
const upward = (folders) => `^(\\.\\.?/)+(${folders.join('|')})(/|\\.js$)`;
const layers = [
  {
    what: 'the content and its pure stages',
    // Every folder that is not one of the layers below: a new feature folder is pure by default.
    files: ['src/**/*.ts'],
    ignores: OTHER_LAYERS.map((name) => (name.endsWith('.ts') ? `src/${name}` : `src/${name}/**`)),
    source: upward(['cli', 'commands', 'preview', 'produce', 'terminal', 'pdf', 'write']),
  },
  {
    what: 'the printing and writing machinery',
    files: ['src/pdf/**', 'src/write/**'],
    source: upward(['cli', 'commands', 'preview', 'produce', 'terminal']),
  },
  {
    what: 'the terminal layer and the shared helpers',
    files: ['src/terminal/**', 'src/util/**', 'src/errors.ts', 'src/version.ts'],
    // Only the error type and the helpers: nothing that knows about questions or articles.
    source: '^\\.\\./(?!errors\\.js$|util/)',
  },
  {
    what: 'the pipeline (plans, the frame, produce)',
    files: ['src/produce/**'],
    source: upward(['cli', 'commands', 'preview']),
  },
  {
    what: 'the preview server',
    files: ['src/preview/**'],
    source: upward(['cli', 'commands']),
  },
  {
    what: 'the commands',
    files: ['src/commands/**'],
    source: upward(['cli']),
  },
];

function layerRules({ what, files, ignores = [], source }) {
  const message = `${what} must not depend on a layer above it (see "Layers" in DEVELOPERS.md).`;
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: source, message }] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression[source.value=/${source.replaceAll('/', '\\/')}/]`,
          message,
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'tests/fixtures/', '.puppeteerrc.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  ...layers.map(layerRules),
  {
    // One file per command: a command file shares flags through options.ts, never another command.
    files: ['src/commands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+cli/',
              message:
                'the commands must not depend on the wiring (see "Layers" in DEVELOPERS.md).',
            },
            {
              regex: '^\\./(?!context\\.js$|options\\.js$)',
              message:
                'a command file must not import another command; move what they share to commands/options.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        requestAnimationFrame: 'readonly',
        document: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
    rules: { 'no-console': 'off' },
  },
  {
    // The preview's page script runs in the browser.
    files: ['templates/preview/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        history: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        DOMParser: 'readonly',
        EventSource: 'readonly',
      },
    },
  },
);
