import { neutraliseFormula } from './csv';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tcalc', "'\tcalc"],
    ['\r=1', "'\r=1"],
  ])('%j starts like a formula: %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['', 'Ana', 'a=b', ' =1', "'=1", '\n=1', 'R&D'])('%j is kept as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});
