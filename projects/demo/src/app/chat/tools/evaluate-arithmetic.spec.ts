import {ArithmeticError, evaluateArithmetic, MAX_EXPRESSION_LENGTH} from './evaluate-arithmetic';

describe('evaluateArithmetic', () => {
  it('evaluates + - * / with precedence, left to right, and parentheses', () => {
    expect(evaluateArithmetic('12*(3+4)')).toBe(84);
    expect(evaluateArithmetic('2+3*4')).toBe(14);
    expect(evaluateArithmetic('(2+3)*4')).toBe(20);
    expect(evaluateArithmetic('10-4-3')).toBe(3);
    expect(evaluateArithmetic('100/10/5')).toBe(2);
    expect(evaluateArithmetic('7/2')).toBe(3.5);
  });

  it('reads decimals, unary signs and spaces', () => {
    expect(evaluateArithmetic(' 1.5 + .5 ')).toBe(2);
    expect(evaluateArithmetic('-3*-2')).toBe(6);
    expect(evaluateArithmetic('-(2+3)')).toBe(-5);
    expect(evaluateArithmetic('+4 - - 1')).toBe(5);
    expect(evaluateArithmetic('( ( 1 ) )')).toBe(1);
  });

  it('refuses what is not arithmetic, saying where', () => {
    expect(() => evaluateArithmetic('')).toThrowError(ArithmeticError, /Expected a number at position 1/);
    expect(() => evaluateArithmetic('2+')).toThrowError(ArithmeticError, /Expected a number at position 3/);
    expect(() => evaluateArithmetic('(1+2')).toThrowError(ArithmeticError, /Expected "\)"/);
    expect(() => evaluateArithmetic('1+2)')).toThrowError(ArithmeticError, /Unexpected "\)" at position 4/);
    expect(() => evaluateArithmetic('2 3')).toThrowError(ArithmeticError, /Unexpected "3"/);
    expect(() => evaluateArithmetic('2**3')).toThrowError(ArithmeticError, /Unexpected "\*"/);
    // Nothing is ever evaluated as code.
    expect(() => evaluateArithmetic('alert(1)')).toThrowError(ArithmeticError, /Unexpected "a" at position 1/);
    expect(() => evaluateArithmetic('1e3')).toThrowError(ArithmeticError, /Unexpected "e"/);
  });

  it('refuses a division by zero and a very long expression', () => {
    expect(() => evaluateArithmetic('1/(2-2)')).toThrowError(ArithmeticError, /Division by zero/);
    const deep = '('.repeat(MAX_EXPRESSION_LENGTH) + '1' + ')'.repeat(MAX_EXPRESSION_LENGTH);
    expect(() => evaluateArithmetic(deep)).toThrowError(ArithmeticError, /longer than 200/);
  });
});
