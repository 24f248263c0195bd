/**
 * Simple API content negotiation (PEP 691 "Version + Format Selection").
 *
 * Offers: `application/vnd.pypi.simple.v1+json`, `application/vnd.pypi.simple.v1+html` and
 * `text/html`; `…latest+json|html` is answered as v1. Selection is by the client's `Accept`
 * q-values; explicit (non-wildcard) ranges beat wildcards at equal q; a missing `Accept` gets
 * HTML as on PyPI; nothing acceptable gets 406. `?format=` (PEP 691 allows a URL parameter)
 * overrides `Accept`.
 *
 * One deliberate exception (pep694-decisions.md, "pip < 23.2"): pip 22.2–23.1 prefer JSON but
 * read PEP 658 metadata only from `dist-info-metadata`, which is a crash in JSON (pypa/pip#12042)
 * and is therefore only sent in HTML. When such a pip also accepts HTML, it gets HTML so it can
 * still use PEP 658 metadata instead of downloading whole wheels.
 */

export const JSON_V1 = 'application/vnd.pypi.simple.v1+json';
export const HTML_V1 = 'application/vnd.pypi.simple.v1+html';
export const TEXT_HTML = 'text/html';

export type SimpleFormat = 'json' | 'html';

export interface Negotiated {
  readonly format: SimpleFormat;
  /** The Content-Type to answer with. */
  readonly contentType: string;
}

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(',')) {
    const [media, ...params] = part.trim().split(';');
    const m = /^([a-z0-9!#$&^_.+*-]+)\/([a-z0-9!#$&^_.+*-]+)$/i.exec((media ?? '').trim());
    if (!m) continue;
    let q = 1;
    for (const p of params) {
      const pm = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (pm) q = Math.max(0, Math.min(1, Number(pm[1]) || 0));
    }
    let subtype = m[2]!.toLowerCase();
    // PEP 691: `latest` means the latest version this server supports (v1).
    if (subtype === 'vnd.pypi.simple.latest+json') subtype = 'vnd.pypi.simple.v1+json';
    if (subtype === 'vnd.pypi.simple.latest+html') subtype = 'vnd.pypi.simple.v1+html';
    ranges.push({ type: m[1]!.toLowerCase(), subtype, q });
  }
  return ranges;
}

const OFFERS = [JSON_V1, HTML_V1, TEXT_HTML] as const;

function match(offer: string, ranges: readonly Range[]): { q: number; specificity: number } | null {
  const [type, subtype] = offer.split('/') as [string, string];
  let best: { q: number; specificity: number } | null = null;
  for (const r of ranges) {
    let specificity = -1;
    if (r.type === type && r.subtype === subtype) specificity = 2;
    else if (r.type === type && r.subtype === '*') specificity = 1;
    else if (r.type === '*' && r.subtype === '*') specificity = 0;
    if (specificity < 0) continue;
    // RFC 9110 §12.5.1: the most specific matching range decides the offer's q.
    if (!best || specificity > best.specificity) best = { q: r.q, specificity };
  }
  return best;
}

function formatOf(contentType: string): SimpleFormat {
  return contentType === JSON_V1 ? 'json' : 'html';
}

/** pip 22.2 … 23.1 (prefers JSON, reads PEP 658 only from `dist-info-metadata`). */
export function isLegacyMetadataPip(userAgent: string | undefined): boolean {
  const m = /^pip\/(\d+)\.(\d+)/.exec(userAgent ?? '');
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return (major === 22 && minor >= 2) || (major === 23 && minor < 2);
}

/** Pick the representation; null means 406 Not Acceptable. */
export function negotiate(accept: string | undefined, formatParam: string | null, userAgent?: string): Negotiated | null {
  if (formatParam) {
    const f = formatParam.trim().toLowerCase();
    if (f === 'json' || f === JSON_V1 || f === 'application/vnd.pypi.simple.latest+json') return { format: 'json', contentType: JSON_V1 };
    if (f === 'html' || f === HTML_V1 || f === 'application/vnd.pypi.simple.latest+html') return { format: 'html', contentType: HTML_V1 };
    if (f === TEXT_HTML) return { format: 'html', contentType: TEXT_HTML };
    return null;
  }
  if (!accept || !accept.trim()) return { format: 'html', contentType: TEXT_HTML };
  const ranges = parseAccept(accept);
  let chosen: { offer: string; q: number; specificity: number; rank: number } | null = null;
  for (const offer of OFFERS) {
    const m = match(offer, ranges);
    if (!m || m.q <= 0) continue;
    // Among explicit ranges JSON is preferred; a bare wildcard gets HTML (PyPI's default).
    const rank = m.specificity === 2 ? OFFERS.indexOf(offer) : OFFERS.length - OFFERS.indexOf(offer);
    if (
      !chosen ||
      m.q > chosen.q ||
      (m.q === chosen.q && (m.specificity > chosen.specificity || (m.specificity === chosen.specificity && rank < chosen.rank)))
    ) {
      chosen = { offer, q: m.q, specificity: m.specificity, rank };
    }
  }
  if (!chosen) return null;
  if (chosen.offer === JSON_V1 && isLegacyMetadataPip(userAgent)) {
    const html = match(HTML_V1, ranges);
    if (html && html.q > 0) return { format: 'html', contentType: HTML_V1 };
    const text = match(TEXT_HTML, ranges);
    if (text && text.q > 0) return { format: 'html', contentType: TEXT_HTML };
  }
  return { format: formatOf(chosen.offer), contentType: chosen.offer };
}
