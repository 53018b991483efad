import { describe, expect, it } from 'vitest';
import { neutralizeCell, protectPhoneCell, stripFormulaGuard } from '../../src-main/exports/formulaGuard';

/** Cells a spreadsheet would evaluate (or that hide a formula behind whitespace or a line break). */
const DANGEROUS: [what: string, cell: string][] = [
  ['equals', '=1+1'],
  ['plus', '+1+1'],
  ['minus', '-2+3'],
  ['at', '@SUM(A1:A2)'],
  ['tab', '\t=1+1'],
  ['carriage return', '\r=1+1'],
  ['line feed', '\n=1+1'],
  ['NUL', '\0=1+1'],
  ['DDE payload', "=cmd|' /C calc'!A0"],
  ['leading space then equals', ' =1+1'],
  ['several spaces then plus', '   +1'],
  ['no-break space then minus', '\u00a0-1'],
  ['ideographic space then at', '\u3000@SUM(1)'],
  ['full-width equals', '＝1+1'],
  ['full-width plus', '＋1'],
  ['full-width minus', '－1'],
  ['full-width at', '＠SUM(1)'],
  ['multi-line cell starting with equals', '=1+1\nsecond line'],
  [
    'hyperlink with a second line (papaparse misses it)',
    '=HYPERLINK("http://evil.example","click")\nsecond line',
  ],
  ['E.164 phone', '+8613800138000'],
  ['negative number', '-5.00'],
  ['only a trigger', '='],
];

const HARMLESS: [what: string, cell: string][] = [
  ['empty', ''],
  ['plain text', 'Zhang San'],
  ['minus inside text', 'Shanghai - Pudong'],
  ['equals inside text', 'a=b'],
  ['at inside an email', 'zs@example.com'],
  ['Chinese text', '张三的备注：=不是公式'],
  ['emoji', '😀 VIP'],
  ['number', '1234.50'],
  ['spaces only', '   '],
  ['apostrophe before text', "'Tis the season"],
  ['multi-line text', 'first line\n=second line starts with equals'],
];

describe('neutralizeCell', () => {
  it.each(DANGEROUS)('prefixes an apostrophe: %s', (_what, cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });

  it.each(HARMLESS)('leaves harmless cells alone: %s', (_what, cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it("guards a cell the owner typed as '=1 too, so it survives a round trip", () => {
    expect(neutralizeCell("'=1+1")).toBe("''=1+1");
    expect(stripFormulaGuard("''=1+1")).toBe("'=1+1");
  });
});

describe('stripFormulaGuard', () => {
  it.each([...DANGEROUS, ...HARMLESS])('undoes neutralizeCell: %s', (_what, cell) => {
    expect(stripFormulaGuard(neutralizeCell(cell))).toBe(cell);
  });

  it.each([
    ['an apostrophe before harmless text', "'Tis"],
    ['an apostrophe alone', "'"],
    ['an apostrophe before digits', "'0123"],
    ['text without apostrophe', '=1+1'],
  ])('leaves the owner’s own apostrophes alone: %s', (_what, cell) => {
    expect(stripFormulaGuard(cell)).toBe(cell);
  });

  it('removes exactly one apostrophe, keeping the spaces after it', () => {
    expect(stripFormulaGuard("' =1+1")).toBe(' =1+1');
    expect(stripFormulaGuard("'＝1")).toBe('＝1');
  });
});

describe('protectPhoneCell', () => {
  it.each([
    ['E.164', '+8613800138000'],
    ['digits only (Excel would show 1.38001E+10)', '13800138000'],
    ['a leading zero Excel would drop', '02162345678'],
    ['a minus sign', '-138'],
  ])('keeps phones text in a spreadsheet: %s', (_what, phone) => {
    expect(protectPhoneCell(phone)).toBe(`'${phone}`);
  });

  it.each([
    ['spaces', '138 0013 8000'],
    ['a dash in the middle', '010-6552 9988'],
    ['brackets', '(010) 6552 9988'],
    ['an extension word', '138 0013 8000 转 123'],
    ['empty', ''],
  ])('leaves phones a spreadsheet already keeps as text: %s', (_what, phone) => {
    expect(protectPhoneCell(phone)).toBe(phone);
  });
});
