/** Raised for an expression the calculator cannot evaluate; the message says where and why. */
export class ArithmeticError extends Error {
  override readonly name = 'ArithmeticError';
}

/** The longest expression evaluated, which also bounds the parser's recursion depth. */
export const MAX_EXPRESSION_LENGTH = 200;

/**
 * Evaluates an arithmetic expression: numbers (`12`, `3.5`, `.5`), `+ - * /`, unary `+`/`-`, parentheses and
 * spaces, with the usual precedence (`*` and `/` before `+` and `-`, left to right). A small recursive-descent
 * parser, so that no model-written text ever reaches `eval()` or `Function()`:
 *
 * ```
 * expression := term (('+' | '-') term)*
 * term       := factor (('*' | '/') factor)*
 * factor     := ('+' | '-') factor | number | '(' expression ')'
 * ```
 * @param expression The expression, e.g. `12*(3+4)`.
 * @returns Its value.
 * @throws ArithmeticError for an empty or malformed expression, a character it does not know, a division by zero,
 *   or an expression longer than `MAX_EXPRESSION_LENGTH` (which also keeps every result finite).
 */
export function evaluateArithmetic(expression: string): number {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new ArithmeticError(`The expression is longer than ${MAX_EXPRESSION_LENGTH} characters.`);
  }
  let position = 0;

  const skipSpaces = () => {
    while (position < expression.length && /\s/.test(expression[position])) position++;
  };
  const fail = (problem: string): never => {
    throw new ArithmeticError(`${problem} at position ${position + 1} of "${expression}".`);
  };
  const peek = (): string | undefined => {
    skipSpaces();
    return expression[position];
  };

  const parseExpression = (): number => {
    let value = parseTerm();
    for (let operator = peek(); operator === '+' || operator === '-'; operator = peek()) {
      position++;
      const right = parseTerm();
      value = operator === '+' ? value + right : value - right;
    }
    return value;
  };

  const parseTerm = (): number => {
    let value = parseFactor();
    for (let operator = peek(); operator === '*' || operator === '/'; operator = peek()) {
      position++;
      const right = parseFactor();
      if (operator === '/' && right === 0) fail('Division by zero');
      value = operator === '*' ? value * right : value / right;
    }
    return value;
  };

  const parseFactor = (): number => {
    const next = peek();
    if (next === '+' || next === '-') {
      position++;
      const value = parseFactor();
      return next === '-' ? -value : value;
    }
    if (next === '(') {
      position++;
      const value = parseExpression();
      if (peek() !== ')') fail('Expected ")"');
      position++;
      return value;
    }
    return parseNumber();
  };

  const parseNumber = (): number => {
    const match = /^(\d+(\.\d*)?|\.\d+)/.exec(expression.slice(position));
    if (!match) {
      return fail(position >= expression.length ? 'Expected a number' : `Unexpected "${expression[position]}"`);
    }
    position += match[0].length;
    return Number(match[0]);
  };

  const value = parseExpression();
  if (peek() !== undefined) fail(`Unexpected "${expression[position]}"`);
  return value;
}
