import {pageOfPath, pathOfPage} from './demo-pages';

describe('demo pages', () => {
  it('maps paths to pages, with or without slashes', () => {
    expect(pageOfPath('/')).toBe('chat');
    expect(pageOfPath('/dashboard')).toBe('dashboard');
    expect(pageOfPath('/dashboard/')).toBe('dashboard');
    expect(pageOfPath('settings')).toBe('settings');
    expect(pageOfPath('/extract')).toBe('extract');
  });

  it('shows the chat for unknown paths', () => {
    expect(pageOfPath('/nope')).toBe('chat');
  });

  it('maps pages back to paths', () => {
    expect(pathOfPage('dashboard')).toBe('/dashboard');
    expect(pathOfPage('chat')).toBe('/');
    expect(pathOfPage('extract')).toBe('/extract');
  });
});
