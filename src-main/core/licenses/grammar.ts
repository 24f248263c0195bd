/**
 * Structural check of a license expression: operators, operands and parentheses.
 *
 * packaging.licenses rewrites the tokens into a Python expression (operands → `False`,
 * `with` → `or`), refuses `(` after an operand or `)` and `()` up front, then lets
 * `compile()` decide. That accepts exactly `E := T (op T)*`, `T := operand | "(" E ")"`,
 * within two CPython 3.11 limits: the tokenizer's 200 nested parentheses (MAXLEVEL) and
 * the PEG parser's stack (MAXSTACK = 6000; deeper input raises MemoryError). We replay the
 * same acceptance with a state machine that also reports WHERE the first problem is.
 *
 * The strict rules add what packaging fixed after 26.3 (pypa/packaging#1266, following the
 * SPDX 2.2 Annex D grammar `simple-expression WITH license-exception-id`): WITH takes a single
 * license on its left and one exception on its right.
 */
import type { Token } from './tokens';

/** The first structural problem, with the index of the token it is reported at. */
export interface GrammarIssue {
  readonly code: 'SYNTAX' | 'TOO_DEEP';
  /** Index into the token list; `tokens.length` means "at the end of the input". */
  readonly at: number;
  readonly detail: string;
}

/** CPython tokenizer MAXLEVEL: a 201st nested `(` is "too many nested parentheses". */
export const MAX_PAREN_NESTING = 200;

// Parser-stack model, fitted against CPython 3.11.7 on random nested expressions (see
// expression.differential.test.ts, "parser-depth boundary"): each parenthesised group costs 28 frames, an
// operand after `or`/`with` at its level 2 more, after `and` 2 more; MemoryError from 5976.
const GROUP_COST = 28;
const AFTER_OR_COST = 2;
const AFTER_AND_COST = 2;
const STACK_LIMIT = 5976;

const show = (t: Token): string => (t.kind === 'operand' ? `'${t.text}'` : `'${t.text.toUpperCase()}'`);

function operatorMisplaced(tokens: readonly Token[], i: number): string {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  if (prev === undefined) return `${show(t)} cannot start the expression: a license must come first`;
  if (prev.kind === 'lparen') return `${show(t)} right after '(' : a license must come first`;
  return `${show(t)} follows ${show(prev)}: two operators in a row, a license is missing between them`;
}

/**
 * Find the first structural problem, or undefined when packaging's grammar accepts the tokens.
 *
 * `strict` adds the WITH rules of packaging after 26.3.
 */
export function checkGrammar(tokens: readonly Token[], strict: boolean): GrammarIssue | undefined {
  if (tokens.length === 0) return { code: 'SYNTAX', at: 0, detail: 'the expression is empty' };
  const open: number[] = [];
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (expectOperand) {
      if (t.kind === 'operand') expectOperand = false;
      else if (t.kind === 'lparen') {
        open.push(i);
        if (open.length > MAX_PAREN_NESTING) {
          return { code: 'TOO_DEEP', at: i, detail: `more than ${MAX_PAREN_NESTING} nested parentheses` };
        }
      } else if (t.kind === 'rparen') {
        if (prev === undefined) return { code: 'SYNTAX', at: i, detail: "')' cannot start the expression" };
        return prev.kind === 'lparen'
          ? { code: 'SYNTAX', at: i - 1, detail: "empty parentheses '()'" }
          : { code: 'SYNTAX', at: i, detail: `')' follows ${show(prev)}: a license is missing before it` };
      } else return { code: 'SYNTAX', at: i, detail: operatorMisplaced(tokens, i) };
    } else if (t.kind === 'operand') {
      return { code: 'SYNTAX', at: i, detail: `${show(t)} follows ${show(prev as Token)} with no AND, OR or WITH between them` };
    } else if (t.kind === 'lparen') {
      return { code: 'SYNTAX', at: i, detail: `'(' follows ${show(prev as Token)}: join them with AND or OR` };
    } else if (t.kind === 'rparen') {
      if (open.pop() === undefined) return { code: 'SYNTAX', at: i, detail: "')' has no matching '('" };
    } else expectOperand = true;
  }
  if (expectOperand) {
    const last = tokens[tokens.length - 1] as Token;
    const detail = last.kind === 'lparen' ? "the expression ends after '('" : `the expression ends after ${show(last)}: a license is missing`;
    return { code: 'SYNTAX', at: tokens.length, detail };
  }
  const unclosed = open[open.length - 1];
  if (unclosed !== undefined) return { code: 'SYNTAX', at: unclosed, detail: "'(' is never closed" };
  return checkParserDepth(tokens) ?? (strict ? checkWith(tokens) : undefined);
}

/** CPython's parser-stack limit for grammatical input (packaging 26.2 raises MemoryError there). */
function checkParserDepth(tokens: readonly Token[]): GrammarIssue | undefined {
  // One frame per open level: base cost so far and whether an `or`/`and` was seen at this level.
  const frames: { base: number; afterOr: boolean; afterAnd: boolean }[] = [{ base: 0, afterOr: false, afterAnd: false }];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const f = frames[frames.length - 1] as (typeof frames)[number];
    if (t.kind === 'or' || t.kind === 'with') {
      f.afterOr = true;
      f.afterAnd = false;
    } else if (t.kind === 'and') f.afterAnd = true;
    else if (t.kind === 'rparen') frames.pop();
    else {
      const cost = f.base + (f.afterOr ? AFTER_OR_COST : 0) + (f.afterAnd ? AFTER_AND_COST : 0);
      if (t.kind === 'lparen') frames.push({ base: cost + GROUP_COST, afterOr: false, afterAnd: false });
      else if (cost >= STACK_LIMIT) {
        return { code: 'TOO_DEEP', at: i, detail: 'the parentheses are nested too deeply for packaging to parse' };
      }
    }
  }
  return undefined;
}

/** SPDX `simple-expression WITH license-exception-id`: one license left, one exception right. */
function checkWith(tokens: readonly Token[]): GrammarIssue | undefined {
  for (let i = 0; i < tokens.length; i += 1) {
    if ((tokens[i] as Token).kind !== 'with') continue;
    const left = tokens[i - 1];
    const right = tokens[i + 1];
    if (left?.kind === 'rparen') {
      return { code: 'SYNTAX', at: i, detail: "'WITH' needs a single license on its left, not a parenthesised group" };
    }
    if (tokens[i - 2]?.kind === 'with') {
      return { code: 'SYNTAX', at: i, detail: "a license takes at most one exception: 'WITH' follows another 'WITH'" };
    }
    if (right?.kind === 'lparen') {
      return { code: 'SYNTAX', at: i + 1, detail: "'WITH' needs a single exception on its right, not a parenthesised group" };
    }
  }
  return undefined;
}
