import {composerKeyAction} from './composer-key';

describe('composerKeyAction', () => {
  const key = (overrides: Partial<Parameters<typeof composerKeyAction>[0]>) =>
    composerKeyAction({key: 'Enter', shiftKey: false, isComposing: false, ...overrides});

  it('sends on Enter', () => {
    expect(key({})).toBe('send');
  });

  it('inserts a new line on Shift+Enter', () => {
    expect(key({shiftKey: true})).toBe('default');
  });

  it('does not send on the Enter that picks an IME candidate', () => {
    expect(key({isComposing: true})).toBe('default');
    expect(key({keyCode: 229})).toBe('default');
  });

  it('leaves other keys to the browser', () => {
    expect(key({key: 'a'})).toBe('default');
  });
});
