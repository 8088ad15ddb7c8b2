import {mentionsLinkLabel} from './reference-labels';

describe('mentionsLinkLabel()', () => {
  it('finds full, collapsed and shortcut references, ignoring case and runs of white space', () => {
    expect(mentionsLinkLabel('See [the docs][Angular  Docs].', 'angular docs')).toBeTrue();
    expect(mentionsLinkLabel('See [Angular\nDocs][].', 'angular docs')).toBeTrue();
    expect(mentionsLinkLabel('See [angular docs].', 'angular docs')).toBeTrue();
  });

  it('says no for a block without the label', () => {
    expect(mentionsLinkLabel('See [the docs](https://angular.dev).', 'angular docs')).toBeFalse();
  });
});
