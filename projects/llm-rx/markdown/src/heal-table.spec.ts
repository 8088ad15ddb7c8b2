import {healTable} from './heal-table';

describe('healTable()', () => {
  it('adds a delimiter row under a header row alone', () => {
    expect(healTable('| Name | Age |')).toBe('| Name | Age |\n| --- | --- |\n');
    expect(healTable('| Name | Ag')).toBe('| Name | Ag\n| --- | --- |\n');
    expect(healTable('| Name | Age |\n')).toBe('| Name | Age |\n| --- | --- |\n');
  });

  it('replaces a delimiter row still being written', () => {
    expect(healTable('| a | b |\n|--')).toBe('| a | b |\n| --- | --- |\n');
    expect(healTable('| a | b |\n| :-- | -')).toBe('| a | b |\n| --- | --- |\n');
    expect(healTable('| a | b |\n-\u200b')).toBe('| a | b |\n| --- | --- |\n');
  });

  it('counts escaped pipes as text', () => {
    expect(healTable('| a \\| b | c |')).toBe('| a \\| b | c |\n| --- | --- |\n');
  });

  it('holds back a header with no cell yet', () => {
    expect(healTable('|')).toBe('');
    expect(healTable('| ')).toBe('');
  });

  it('leaves a table whose delimiter row is complete, and text that is no table, alone', () => {
    expect(healTable('| a | b |\n| :-- | --: |\n')).toBe('| a | b |\n| :-- | --: |\n');
    expect(healTable('| a | b |\n| :-- | --: |\n| 1')).toBe('| a | b |\n| :-- | --: |\n| 1');
    expect(healTable('a | b')).toBe('a | b');
    expect(healTable('| a |\ntext')).toBe('| a |\ntext');
    expect(healTable('| a |\n| b |')).toBe('| a |\n| b |');
  });

  it('keeps the paragraph a table header interrupts', () => {
    expect(healTable('Intro:\n| a | b |')).toBe('Intro:\n| a | b |\n| --- | --- |\n');
    expect(healTable('Intro:\n| a | b |\n|-')).toBe('Intro:\n| a | b |\n| --- | --- |\n');
    expect(healTable('Intro:\n|')).toBe('Intro:\n');
  });
});
