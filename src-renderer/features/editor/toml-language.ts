/**
 * TOML for Monaco: a Monarch grammar (TOML v1.0.0: comments, bare/quoted/dotted keys, table and
 * array-of-tables headers, the four string kinds, integers in four bases, floats, inf/nan,
 * booleans, offset/local date-times) and the language configuration (comments, brackets, quotes).
 */
import type { languages } from 'monaco-editor/editor/editor.api';

export const TOML_LANGUAGE_ID = 'toml';

export const tomlConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['[', ']'],
    ['{', '}'],
  ],
  autoClosingPairs: [
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '"', close: '"' },
    { open: "'", close: "'" },
    { open: '[', close: ']' },
    { open: '{', close: '}' },
  ],
  folding: { markers: { start: /^\s*\[/, end: /^\s*$/ } },
};

export const tomlMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.toml',
  escapes: /\\(?:[btnfr"\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/,
  tokenizer: {
    root: [
      { include: '@whitespace' },
      [/^\s*\[\[/, { token: 'metatag', next: '@tableHeader' }],
      [/^\s*\[/, { token: 'metatag', next: '@tableHeader' }],
      [/[A-Za-z0-9_-]+(?=\s*[.=])/, 'key'],
      [/"(?:[^"\\]|\\.)*"(?=\s*[.=])/, 'key'],
      [/'[^']*'(?=\s*[.=])/, 'key'],
      [/\./, 'delimiter'],
      [/=/, 'operator'],
      { include: '@values' },
    ],
    tableHeader: [
      [/\]\]|\]/, { token: 'metatag', next: '@pop' }],
      [/"(?:[^"\\]|\\.)*"/, 'metatag'],
      [/'[^']*'/, 'metatag'],
      [/[^\]"'#]+/, 'metatag'],
      [/#.*$/, 'comment', '@pop'],
    ],
    values: [
      [/"""/, { token: 'string', next: '@mlBasic' }],
      [/'''/, { token: 'string', next: '@mlLiteral' }],
      [/"/, { token: 'string', next: '@basic' }],
      [/'[^']*'/, 'string'],
      [/\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?/, 'number.date'],
      [/\d{2}:\d{2}:\d{2}(?:\.\d+)?/, 'number.date'],
      [/[+-]?(?:inf|nan)\b/, 'number.float'],
      [/0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*/, 'number.hex'],
      [/0o[0-7](?:_?[0-7])*/, 'number.octal'],
      [/0b[01](?:_?[01])*/, 'number.binary'],
      [/[+-]?(?:0|[1-9](?:_?\d)*)(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?/, 'number'],
      [/\b(?:true|false)\b/, 'keyword'],
      [/\[/, { token: 'delimiter.bracket', next: '@array' }],
      [/\{/, { token: 'delimiter.bracket', next: '@inlineTable' }],
    ],
    array: [
      { include: '@whitespace' },
      [/\]/, { token: 'delimiter.bracket', next: '@pop' }],
      [/,/, 'delimiter'],
      { include: '@values' },
    ],
    inlineTable: [
      [/[ \t]+/, ''],
      [/\}/, { token: 'delimiter.bracket', next: '@pop' }],
      [/,/, 'delimiter'],
      [/[A-Za-z0-9_-]+(?=\s*[.=])/, 'key'],
      [/"(?:[^"\\]|\\.)*"(?=\s*[.=])/, 'key'],
      [/'[^']*'(?=\s*[.=])/, 'key'],
      [/\./, 'delimiter'],
      [/=/, 'operator'],
      { include: '@values' },
    ],
    basic: [
      [/[^"\\]+/, 'string'],
      [/@escapes/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, { token: 'string', next: '@pop' }],
    ],
    mlBasic: [
      [/[^"\\]+/, 'string'],
      [/@escapes/, 'string.escape'],
      [/\\$/, 'string.escape'],
      [/"""/, { token: 'string', next: '@pop' }],
      [/"/, 'string'],
    ],
    mlLiteral: [
      [/[^']+/, 'string'],
      [/'''/, { token: 'string', next: '@pop' }],
      [/'/, 'string'],
    ],
    whitespace: [
      [/[ \t\r\n]+/, ''],
      [/#.*$/, 'comment'],
    ],
  },
};
