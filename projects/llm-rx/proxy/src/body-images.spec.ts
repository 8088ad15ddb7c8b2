import {bodyImagesOf} from './body-images';

const DATA = 'iVBORw0KGgo=';
const DATA_URL = `data:image/png;base64,${DATA}`;

describe('bodyImagesOf', () => {
  it("counts a Chat Completions body's data: URLs, not its image URLs or its text", () => {
    const body = {
      model: 'gpt-4.1-mini',
      messages: [
        {role: 'system', content: 'data:text is only text here'},
        {
          role: 'user',
          content: [
            {type: 'text', text: 'What?'},
            {type: 'image_url', image_url: {url: DATA_URL}},
            {type: 'image_url', image_url: {url: 'https://example.com/a.png'}},
          ],
        },
      ],
    };
    expect(bodyImagesOf(body)).toEqual({count: 1, base64Chars: DATA_URL.length});
  });

  it("counts the Responses API's input_image data: URLs", () => {
    const body = {input: [{role: 'user', content: [{type: 'input_image', image_url: DATA_URL, detail: 'auto'}]}]};
    expect(bodyImagesOf(body)).toEqual({count: 1, base64Chars: DATA_URL.length});
  });

  it("counts Anthropic's base64 sources, not its url sources", () => {
    const body = {
      messages: [
        {
          role: 'user',
          content: [
            {type: 'image', source: {type: 'base64', media_type: 'image/png', data: DATA}},
            {type: 'image', source: {type: 'url', url: 'https://example.com/a.png'}},
          ],
        },
      ],
    };
    expect(bodyImagesOf(body)).toEqual({count: 1, base64Chars: DATA.length});
  });

  it("counts Gemini's inlineData (and inline_data), not its fileData", () => {
    const body = {
      contents: [
        {
          role: 'user',
          parts: [
            {inlineData: {mimeType: 'image/png', data: DATA}},
            {inline_data: {mime_type: 'image/png', data: DATA}},
            {fileData: {fileUri: 'https://example.com/a.png', mimeType: 'image/png'}},
          ],
        },
      ],
    };
    expect(bodyImagesOf(body)).toEqual({count: 2, base64Chars: 2 * DATA.length});
  });

  it('finds none in a body of text', () => {
    expect(bodyImagesOf({model: 'm', messages: [{role: 'user', content: 'Hi'}], stream: true})).toEqual({
      count: 0,
      base64Chars: 0,
    });
  });
});
