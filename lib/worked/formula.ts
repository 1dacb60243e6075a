// A tiny arithmetic language for worked-example formulas, written the way a trainer writes
// them in Chinese: `点击人数 ÷ 曝光人数`, `订单金额 × (1 − 佣金比例)`, `日均销量 × 7`.
// Names are quantities of the problem (a run of letters, digits and _ starting with a letter,
// so Chinese names work); numbers may end in % (30% is 0.3). Only + − × ÷ and parentheses:
// no functions, no property access, nothing evaluated as code.

export type Formula =
  | { kind: "number"; value: number; text: string }
  | { kind: "name"; name: string }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: Formula; right: Formula }
  | { kind: "negate"; operand: Formula }
  | { kind: "group"; inner: Formula };

type Token = { kind: "number"; value: number; text: string } | { kind: "name"; name: string } | { kind: "op"; op: string };

const OPERATORS: Record<string, string> = { "+": "+", "-": "-", "−": "-", "×": "*", "*": "*", "÷": "/", "/": "/", "(": "(", "（": "(", ")": ")", "）": ")" };

export class FormulaError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|(\d+(?:\.\d+)?%?)|([\p{L}_][\p{L}\p{N}_]*)|(.)/gu;
  for (const match of text.matchAll(pattern)) {
    const [, number, name, other] = match;
    if (number) {
      const percent = number.endsWith("%");
      const value = Number(percent ? number.slice(0, -1) : number);
      tokens.push({ kind: "number", value: percent ? value / 100 : value, text: number });
    } else if (name) tokens.push({ kind: "name", name });
    else if (other) {
      const op = OPERATORS[other];
      if (!op) throw new FormulaError(`公式里不能出现「${other}」：只能用数字、已知量的名称、+ − × ÷ 和括号`);
      tokens.push({ kind: "op", op });
    }
  }
  return tokens;
}

/** Parses a formula; throws FormulaError with a zh-CN message naming what is wrong. */
export function parseFormula(text: string): Formula {
  const tokens = tokenize(text);
  let at = 0;
  const peekOp = () => {
    const token = tokens[at];
    return token?.kind === "op" ? token.op : undefined;
  };

  function primary(): Formula {
    const token = tokens[at++];
    if (!token) throw new FormulaError("公式不完整：运算符后面缺少数字或名称");
    if (token.kind === "number") return { kind: "number", value: token.value, text: token.text };
    if (token.kind === "name") return { kind: "name", name: token.name };
    if (token.op === "-") return { kind: "negate", operand: primary() };
    if (token.op === "(") {
      const inner = sum();
      if (peekOp() !== ")") throw new FormulaError("公式里的括号没有闭合");
      at++;
      return { kind: "group", inner };
    }
    throw new FormulaError(`公式里「${token.op === "*" ? "×" : token.op === "/" ? "÷" : token.op}」的位置不对`);
  }
  function product(): Formula {
    let left = primary();
    for (let op = peekOp(); op === "*" || op === "/"; op = peekOp()) {
      at++;
      left = { kind: "binary", op, left, right: primary() };
    }
    return left;
  }
  function sum(): Formula {
    let left = product();
    for (let op = peekOp(); op === "+" || op === "-"; op = peekOp()) {
      at++;
      left = { kind: "binary", op, left, right: product() };
    }
    return left;
  }

  if (tokens.length === 0) throw new FormulaError("公式不能为空");
  const formula = sum();
  const rest = tokens[at];
  if (rest) {
    const what = rest.kind === "op" ? rest.op : rest.kind === "number" ? rest.text : rest.name;
    throw new FormulaError(`公式在「${what}」处多出内容：两个数或名称之间要有运算符`);
  }
  return formula;
}

/** Every name the formula uses, in order of first use. */
export function namesIn(formula: Formula): string[] {
  const names: string[] = [];
  const visit = (f: Formula): void => {
    if (f.kind === "name") {
      if (!names.includes(f.name)) names.push(f.name);
    } else if (f.kind === "binary") {
      visit(f.left);
      visit(f.right);
    } else if (f.kind === "negate") visit(f.operand);
    else if (f.kind === "group") visit(f.inner);
  };
  visit(formula);
  return names;
}

/** The formula's value with each name read from `scope`; undefined for an unknown name or ÷ 0. */
export function evaluate(formula: Formula, scope: ReadonlyMap<string, number>): number | undefined {
  switch (formula.kind) {
    case "number":
      return formula.value;
    case "name":
      return scope.get(formula.name);
    case "group":
      return evaluate(formula.inner, scope);
    case "negate": {
      const value = evaluate(formula.operand, scope);
      return value === undefined ? undefined : -value;
    }
    case "binary": {
      const left = evaluate(formula.left, scope);
      const right = evaluate(formula.right, scope);
      if (left === undefined || right === undefined) return undefined;
      if (formula.op === "+") return left + right;
      if (formula.op === "-") return left - right;
      if (formula.op === "*") return left * right;
      return right === 0 ? undefined : left / right;
    }
  }
}

const SHOWN_OP = { "+": "+", "-": "−", "*": "×", "/": "÷" } as const;

/** The formula written out with each name replaced by `show(name)`: `1,200 ÷ 20,000`. */
export function substitute(formula: Formula, show: (name: string) => string): string {
  switch (formula.kind) {
    case "number":
      return formula.text;
    case "name":
      return show(formula.name);
    case "group":
      return `(${substitute(formula.inner, show)})`;
    case "negate":
      return `−${substitute(formula.operand, show)}`;
    case "binary":
      return `${substitute(formula.left, show)} ${SHOWN_OP[formula.op]} ${substitute(formula.right, show)}`;
  }
}
