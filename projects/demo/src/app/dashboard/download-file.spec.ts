import {exportFileName} from './download-file';

describe('exportFileName', () => {
  it('names the file after the UTC time of export, without characters file systems reject', () => {
    expect(exportFileName('csv', new Date(Date.UTC(2025, 0, 31, 12, 5, 9)))).toBe('llm-calls-2025-01-31T12-05-09.csv');
  });
});
