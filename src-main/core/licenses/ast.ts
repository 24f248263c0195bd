/**
 * A structured view of a license expression for the UI's expression builder.
 *
 * Precedence follows SPDX 2.2 Annex D ("License expression operators"): `+` binds tightest,
 * then WITH, then AND, then OR; parentheses are kept as `group` nodes so that formatting the
 * tree gives back packaging's canonical text exactly (packaging keeps redundant parentheses).
 */
import { canonicalizeLicenseExpression, type CanonicalizeOptions, type CanonicalLicense, type CanonicalToken } from './expression';

/** Where a node sits in the raw input (UTF-16 offsets; `end` exclusive). */
export interface Span {
  readonly offset: number;
  readonly end: number;
}

/** A node of the expression tree. */
export type LicenseNode =
  | { readonly kind: 'license'; readonly id: string; readonly plus: boolean; readonly deprecated: boolean; readonly span?: Span }
  | { readonly kind: 'license-ref'; readonly id: string; readonly plus: boolean; readonly span?: Span }
  | { readonly kind: 'exception'; readonly id: string; readonly deprecated: boolean; readonly span?: Span }
  /** `exception` is an exception leaf under the strict rules; packaging 26.2 also allows a group. */
  | { readonly kind: 'with'; readonly license: LicenseNode; readonly exception: LicenseNode; readonly span?: Span }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly LicenseNode[]; readonly span?: Span }
  | { readonly kind: 'group'; readonly body: LicenseNode; readonly span?: Span };

/** A parsed, valid expression. */
export interface ParsedLicense extends CanonicalLicense {
  readonly ast: LicenseNode;
}

/**
 * Parse and canonicalise `raw`; throws LicenseExpressionError exactly when canonicalisation does.
 */
export function parseLicenseExpression(raw: string, options: CanonicalizeOptions = {}): ParsedLicense {
  const result = canonicalizeLicenseExpression(raw, options);
  return { ...result, ast: buildTree(result.tokens) };
}

function buildTree(tokens: readonly CanonicalToken[]): LicenseNode {
  let i = 0;
  const peek = (): CanonicalToken | undefined => tokens[i];
  const spanOf = (a: LicenseNode, b: LicenseNode): Span | undefined => (a.span && b.span ? { offset: a.span.offset, end: b.span.end } : undefined);

  const primary = (): LicenseNode => {
    const t = tokens[i++] as CanonicalToken;
    const span = { offset: t.source.offset, end: t.source.end };
    if (t.role === 'paren') {
      const body = disjunction();
      const close = tokens[i++] as CanonicalToken;
      return { kind: 'group', body, span: { offset: t.source.offset, end: close.source.end } };
    }
    if (t.role === 'exception') return { kind: 'exception', id: t.canonical, deprecated: t.deprecated, span };
    const id = t.plus ? t.canonical.slice(0, -1) : t.canonical;
    if (t.role === 'license-ref') return { kind: 'license-ref', id, plus: t.plus, span };
    return { kind: 'license', id, plus: t.plus, deprecated: t.deprecated, span };
  };
  const withExpr = (): LicenseNode => {
    let left = primary();
    while (peek()?.canonical === 'WITH' && peek()?.role === 'operator') {
      i += 1;
      const right = primary();
      left = { kind: 'with', license: left, exception: right, span: spanOf(left, right) };
    }
    return left;
  };
  const chain = (op: 'AND' | 'OR', next: () => LicenseNode): LicenseNode => {
    const operands = [next()];
    while (peek()?.canonical === op && peek()?.role === 'operator') {
      i += 1;
      operands.push(next());
    }
    if (operands.length === 1) return operands[0] as LicenseNode;
    const span = spanOf(operands[0] as LicenseNode, operands[operands.length - 1] as LicenseNode);
    return { kind: op === 'AND' ? 'and' : 'or', operands, span };
  };
  const conjunction = (): LicenseNode => chain('AND', withExpr);
  const disjunction = (): LicenseNode => chain('OR', conjunction);
  return disjunction();
}

const PRECEDENCE: Record<LicenseNode['kind'], number> = { or: 1, and: 2, with: 3, license: 4, 'license-ref': 4, exception: 4, group: 4 };

/**
 * Write a tree as expression text in canonical spelling.
 *
 * Trees from parseLicenseExpression round-trip to packaging's canonical text. For trees the
 * UI builds by hand, parentheses are added where precedence needs them (an OR inside an AND,
 * anything compound beside WITH); ids are written as given, so canonicalise the result.
 */
export function formatLicenseAst(node: LicenseNode): string {
  // Operators group to the left, so a right-hand operand of equal precedence needs parentheses.
  const child = (n: LicenseNode, parent: number, right = false): string => {
    const text = formatLicenseAst(n);
    const p = PRECEDENCE[n.kind];
    return p < parent || (right && p === parent) ? `(${text})` : text;
  };
  switch (node.kind) {
    case 'license':
    case 'license-ref':
      return node.plus ? `${node.id}+` : node.id;
    case 'exception':
      return node.id;
    case 'group':
      return `(${formatLicenseAst(node.body)})`;
    case 'with':
      return `${child(node.license, PRECEDENCE.with)} WITH ${child(node.exception, PRECEDENCE.with, true)}`;
    case 'and':
    case 'or':
      return node.operands.map((o) => child(o, PRECEDENCE[node.kind])).join(node.kind === 'and' ? ' AND ' : ' OR ');
  }
}
