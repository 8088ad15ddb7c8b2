import {callDetailsPath, pageOfPath, pathOfPage, withQueryParam} from './demo-pages';

describe('demo pages', () => {
  it('maps paths to pages, with or without slashes', () => {
    expect(pageOfPath('/')).toBe('chat');
    expect(pageOfPath('/dashboard')).toBe('dashboard');
    expect(pageOfPath('/dashboard/')).toBe('dashboard');
    expect(pageOfPath('settings')).toBe('settings');
    expect(pageOfPath('/extract')).toBe('extract');
    expect(pageOfPath('/telemetry/')).toBe('telemetry');
  });

  it('shows the chat for unknown paths', () => {
    expect(pageOfPath('/nope')).toBe('chat');
  });

  it('maps pages back to paths', () => {
    expect(pathOfPage('dashboard')).toBe('/dashboard');
    expect(pathOfPage('chat')).toBe('/');
    expect(pathOfPage('extract')).toBe('/extract');
    expect(pathOfPage('telemetry')).toBe('/telemetry');
  });

  it('sets, replaces and removes one query parameter, keeping the others', () => {
    expect(withQueryParam('', 'call', 'a b')).toBe('?call=a+b');
    expect(withQueryParam('?call=1&x=2', 'call', '3')).toBe('?call=3&x=2');
    expect(withQueryParam('?call=1&x=2', 'call', undefined)).toBe('?x=2');
    expect(withQueryParam('?call=1', 'call', undefined)).toBe('');
  });

  it('links to one call on the dashboard', () => {
    expect(callDetailsPath('row 1')).toBe('/dashboard?call=row+1');
    expect(pageOfPath(new URL(callDetailsPath('7'), 'http://x').pathname)).toBe('dashboard');
  });
});
