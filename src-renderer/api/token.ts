/**
 * The browser-mode token: handed over in the URL fragment (never sent to a server), then kept
 * in sessionStorage so a reload works, and removed from the address bar.
 */
const KEY = 'packwright.token';

export function takeToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9._~-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  return sessionStorage.getItem(KEY);
}
