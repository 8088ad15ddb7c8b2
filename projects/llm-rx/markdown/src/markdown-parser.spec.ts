import {marked} from 'marked';
import {MarkdownParser} from './markdown-parser';

describe('MarkdownParser', () => {
  const parser = new MarkdownParser();

  it('renders as marked does', () => {
    const source = '# Title\n\nSome **bold** text.\n\n- a\n- b\n\n```ts\nconst a = 1;\n```\n';
    expect(parser.renderAll(source)).toBe(marked.parse(source, {async: false}));
  });

  it('resolves references against the link definitions it is given', () => {
    const definitions = parser.lex('[docs]: https://angular.dev "Angular"\n').links;
    expect(parser.render(parser.lex('See [the docs][docs].', definitions))).toBe(
      '<p>See <a href="https://angular.dev" title="Angular">the docs</a>.</p>\n',
    );
    expect(parser.render(parser.lex('See [the docs][docs].'))).toBe('<p>See [the docs][docs].</p>\n');
  });

  it("is not changed by other code's marked.use()", () => {
    marked.use({renderer: {paragraph: () => '<div>changed</div>'}});
    try {
      expect(parser.renderAll('Text')).toBe('<p>Text</p>\n');
    } finally {
      marked.setOptions(marked.getDefaults());
    }
  });
});
