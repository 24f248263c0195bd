import { describe, expect, it } from 'vitest';
import { resolveAppUrl } from './protocol';
import { SECURE_WEB_PREFERENCES } from './window';

describe('app:// protocol', () => {
  it('maps app URLs into the renderer folder and refuses escapes', () => {
    expect(resolveAppUrl('/r', 'app://packwright/')).toBe('/r/index.html');
    expect(resolveAppUrl('/r', 'app://packwright/assets/x.js')).toBe('/r/assets/x.js');
    expect(resolveAppUrl('/r', 'app://packwright/assets/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppUrl('/r', 'app://other/index.html')).toBeNull();
    expect(resolveAppUrl('/r', 'file:///etc/passwd')).toBeNull();
    expect(resolveAppUrl('/r', 'app://packwright/%00')).toBeNull();
  });

  it('windows use the security checklist preferences', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});
