/**
 * Shared types of the pyproject.toml module: diagnostics, source ranges, text edits, quick fixes.
 *
 * Positions follow the editor's conventions (Monaco): lines and columns are 1-based and columns
 * count UTF-16 code units; `offset` is the 0-based UTF-16 index into the JavaScript string and
 * `byte` the 0-based UTF-8 byte offset into the file as stored on disk.
 */

/** One point in the source text. */
export interface SourcePosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units (Monaco's convention). */
  readonly column: number;
  /** 0-based UTF-16 index into the text. */
  readonly offset: number;
  /** 0-based UTF-8 byte offset into the text. */
  readonly byte: number;
}

/** A half-open span of the source text: `start` inclusive, `end` exclusive. */
export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/**
 * A minimal edit of the ORIGINAL text: replace `[start, end)` (UTF-16 offsets) with `newText`.
 *
 * `range` carries the same span as line/column positions so an editor can apply it directly.
 */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  readonly range: SourceRange;
}

/** A quick fix: a titled batch of text edits on the text the diagnostic was computed from. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The preferred fix of a diagnostic (an editor may apply it with one key). */
  readonly isPreferred?: boolean;
  /**
   * Set when applying the fix is a choice the user must confirm (PEP 639: license metadata is
   * never inferred "without informing the user and requiring unambiguous, affirmative user
   * action"). The text explains what the choice means.
   */
  readonly confirmation?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Which validation layer produced a diagnostic. */
export type DiagnosticLayer = 'toml' | 'schema' | 'semantic' | 'backend' | 'environment';

/** One finding about a pyproject.toml file. */
export interface Diagnostic {
  /** Stable identifier, e.g. `PW-TOML-001` (see codes.ts). */
  readonly code: string;
  readonly severity: Severity;
  /** One or two sentences a newcomer understands. */
  readonly message: string;
  /** Exact span of the offending key or value. */
  readonly range: SourceRange;
  /** Data path of the key or value, e.g. `['project', 'classifiers', 3]` (empty for the file). */
  readonly path: readonly (string | number)[];
  readonly layer: DiagnosticLayer;
  /** The rule's source, e.g. `PEP 639` or `SchemaStore pyproject.json`. */
  readonly rule?: string;
  readonly fixes: readonly QuickFix[];
}

/** Result of looking up a project name on an index (PEP 503 names). */
export interface NameLookupResult {
  /** The normalized name is already registered. */
  readonly exists: boolean;
  /** Existing projects PyPI would consider too similar (see semantic/name.ts). */
  readonly similar: readonly string[];
  /** Where the lookup was made, for messages (e.g. the index URL). */
  readonly indexLabel: string;
}

/** Injectable async name lookup (tests give it a real local PEP 503 index). */
export type NameLookup = (name: string) => Promise<NameLookupResult>;

/** Injectable file access for checks that look at the project folder. */
export interface ProjectFs {
  /** Every file below `dir`, as `/`-separated paths relative to `dir` (no directories). */
  listFiles(dir: string): Promise<readonly string[]>;
}

/** What validation may use beyond the text. Every field is optional. */
export interface ValidationContext {
  /** Folder holding the pyproject.toml (enables license-files and readme checks). */
  readonly projectDir?: string;
  /** File access for `projectDir`; defaults to the real file system. */
  readonly fs?: ProjectFs;
  /** Name availability on the configured index (enables PW-NAME-003/004). */
  readonly nameLookup?: NameLookup;
  /**
   * CPython feature versions that are currently supported (`3.10`, …); requires-python must
   * admit at least one. Defaults to the versions in semantic/requires-python.ts.
   */
  readonly currentPythons?: readonly string[];
}
