import {csvField, toCsv} from './to-csv';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('gpt-5-mini')).toBe('gpt-5-mini');
    expect(csvField(0.0125)).toBe('0.0125');
    expect(csvField(false)).toBe('false');
  });

  it('makes text that a spreadsheet would run as a formula inert, but keeps negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField(-0.5)).toBe('-0.5');
  });

  it('writes null and undefined as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('keeps leading and trailing spaces, which RFC 4180 counts as part of the field', () => {
    expect(csvField(' x ')).toBe(' x ');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row, in column order', () => {
    const rows = [
      {provider: 'openai', totalCost: 0.5, errorMessage: null},
      {provider: 'anthropic', totalCost: null, errorMessage: 'overloaded, "529"'},
    ];
    expect(toCsv(['provider', 'errorMessage', 'totalCost'], rows)).toBe(
      'provider,errorMessage,totalCost\r\n' + 'openai,,0.5\r\n' + 'anthropic,"overloaded, ""529""",\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv<{a: number}>(['a'], [])).toBe('a\r\n');
  });
});
