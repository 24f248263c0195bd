/** Insert an operator or parenthesis at the cursor, with the spaces SPDX expressions use. */
export function insertAt(text: string, at: number, token: string): { text: string; cursor: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const spaceBefore = before !== '' && !/[\s(]$/.test(before) && token !== ')';
  const joined = `${before}${spaceBefore ? ' ' : ''}${token}${['AND', 'OR', 'WITH'].includes(token) ? ' ' : ''}`;
  return { text: joined + (joined.endsWith(' ') && after.startsWith(' ') ? after.slice(1) : after), cursor: joined.length };
}
