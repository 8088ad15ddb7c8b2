import {hasLlmImages, llmContentText} from 'llm-rx';
import {userTurnContent} from './user-turn-content';

describe('userTurnContent', () => {
  const png = new Blob([new Uint8Array([137, 80, 78, 71])], {type: 'image/png'});
  const jpeg = new Blob([new Uint8Array([255, 216])], {type: 'image/jpeg'});

  it('is the text as a string when no image is attached', () => {
    expect(userTurnContent('Why is the sky blue?', [])).toBe('Why is the sky blue?');
  });

  it('puts the text part first, then each image, in order', () => {
    const content = userTurnContent('What is this?', [png, jpeg]);
    expect(content).toEqual([
      {type: 'text', text: 'What is this?'},
      {type: 'image', image: png},
      {type: 'image', image: jpeg},
    ]);
    expect(hasLlmImages(content)).toBe(true);
    expect(llmContentText(content)).toBe('What is this?');
  });

  it('sends images alone without an empty text part', () => {
    expect(userTurnContent('  ', [png])).toEqual([{type: 'image', image: png}]);
  });
});
