import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { planOffline } from "@/agent/planner";
import { registeredPatterns } from "@/agent/planner/patterns";

// Every regex the offline planner runs must match in linear time (issue 11, "bounded input"). The
// test finds them all in the source: regex literals straight from the syntax tree, and patterns
// built from strings through rx() (agent/planner/patterns.ts), which must be the only way to build
// one. A new pattern is checked the moment it is written; no list to keep up to date by hand.

const DIR = path.resolve(import.meta.dirname, "../agent/planner");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort();

type Found = { name: string; source: string; flags: string };

/** Regex literals, `new RegExp(...)` calls and rx() call sites in one planner file. */
function scanFile(file: string): { literals: Found[]; rawConstructors: string[]; rxCalls: number } {
  const text = readFileSync(path.join(DIR, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: Found[] = [];
  const rawConstructors: string[] = [];
  let rxCalls = 0;
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText(sf);
      const slash = lit.lastIndexOf("/");
      const named = ts.isVariableDeclaration(n.parent) ? `${file}:${n.parent.name.getText(sf)}` : where(n);
      literals.push({ name: named, source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    }
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText(sf) === "RegExp") {
      const first = n.arguments?.[0];
      // A copy of another pattern keeps that pattern's source, and with it its verdict.
      const copy = first !== undefined && ts.isPropertyAccessExpression(first) && first.name.text === "source";
      if (!copy && file !== "patterns.ts") rawConstructors.push(where(n));
    }
    if (ts.isCallExpression(n) && n.expression.getText(sf) === "rx") rxCalls++;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { literals, rawConstructors, rxCalls };
}

const scanned = FILES.map(scanFile);

/**
 * Splits a pattern into its look-arounds' bodies and the rest with them removed. recheck's exact
 * (automaton) analysis does not take look-arounds; an assertion only prunes paths, so the rest
 * with them removed backtracks at least as much as the original, and each body, run at every
 * position, is checked as an unanchored pattern of its own.
 */
function splitLookarounds(source: string): { rest: string; bodies: string[] } {
  const bodies: string[] = [];
  let rest = "";
  let i = 0;
  while (i < source.length) {
    const look = /^\(\?<?[=!]/.exec(source.slice(i, i + 4));
    if (!look) {
      const token = readToken(source, i);
      rest += token;
      i += token.length;
      continue;
    }
    let depth = 0;
    let j = i;
    do {
      const token = readToken(source, j);
      if (token === "(") depth++;
      else if (token === ")") depth--;
      j += token.length;
    } while (depth > 0 && j < source.length);
    bodies.push(source.slice(i + look[0].length, j - 1));
    i = j;
  }
  return { rest, bodies };
}

/** One regex token for bracket counting: an escape, a whole character class or one character. */
function readToken(s: string, i: number): string {
  if (s[i] === "\\") return s.slice(i, i + 2);
  if (s[i] !== "[") return s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== "]") j += s[j] === "\\" ? 2 : 1;
  return s.slice(i, j + 1);
}

type Verdict = Awaited<ReturnType<typeof check>>;

/** The patterns recheck's automaton analysis judges for one pattern: the rest and each body, recursively. */
function parts(source: string): string[] {
  const { rest, bodies } = splitLookarounds(source);
  return [rest, ...bodies.flatMap(parts)].filter((p) => p !== "");
}

/**
 * recheck's verdict: its exact automaton analysis over the parts; the fuzzer (with step limits,
 * not time limits, so the verdict does not depend on the machine's load) only where the automaton
 * cannot go (back-references).
 */
async function verdict(p: Found): Promise<Verdict> {
  const flags = p.flags.replace(/[gy]/g, "");
  for (const part of parts(p.source)) {
    const exact = await check(part, flags, { checker: "automaton", timeout: 3_000 });
    if (exact.status === "vulnerable") return exact;
    if (exact.status === "unknown") {
      return check(p.source, flags, { checker: "fuzz", timeout: 180_000, attackTimeout: null, incubationTimeout: null });
    }
  }
  return { status: "safe" } as Verdict;
}

const literals = scanned.flatMap((s) => s.literals);

/** Every planner pattern: the literals and the registry (importing the planner fills it). */
function allPatterns(): Found[] {
  const built = [...registeredPatterns()].map(([name, re]) => ({ name, source: re.source, flags: re.flags }));
  return [...literals, ...built];
}

describe("the planner's regexes", () => {
  it("split into look-around bodies and the rest, character classes and escapes respected", () => {
    expect(splitLookarounds(String.raw`(?<![\d,])\d{1,3}(?!\s{0,3}(?:%|[)(]))x`)).toEqual({
      rest: String.raw`\d{1,3}x`,
      bodies: [String.raw`[\d,]`, String.raw`\s{0,3}(?:%|[)(])`],
    });
    expect(parts("a(?=b(?!c))d")).toEqual(["ad", "b", "c"]);
  });

  it("are all found: strings become patterns only through rx(), at module level", () => {
    expect(scanned.flatMap((s) => s.rawConstructors)).toEqual([]);
    const sites = scanned.reduce((n, s) => n + s.rxCalls, 0);
    // One registry entry per call site: an rx() inside a function would register late (or never).
    expect(sites).toBeGreaterThan(0);
    expect(registeredPatterns().size).toBe(sites);
    expect(literals.length).toBeGreaterThan(50);
  });

  it("are linear according to recheck (no polynomial or exponential backtracking)", async () => {
    const patterns = allPatterns();
    const verdicts: string[] = [];
    // Two at a time: the native checker is a separate process and the machine is shared.
    for (let i = 0; i < patterns.length; i += 2) {
      const batch = patterns.slice(i, i + 2);
      const results = await Promise.all(batch.map(verdict));
      results.forEach((r, j) => {
        const name = batch[j].name;
        if (r.status === "vulnerable") verdicts.push(`${name}: ${r.complexity.summary}`);
        else if (r.status === "unknown") verdicts.push(`${name}: unknown (${r.error.kind})`);
      });
    }
    console.log(`recheck: ${patterns.length} planner patterns, ${verdicts.length} not linear`);
    expect(verdicts).toEqual([]);
  }, 600_000);
});

describe("a 4,000-character adversarial brief", () => {
  // Long runs of what the old patterns backtracked on: digits, thousands groups, spaces, code-like
  // tokens, repeated cue words. Each would have cost quadratic steps in at least one old pattern.
  const attacks: Record<string, string> = {
    digits: "1".repeat(4000),
    groups: "1" + ",000".repeat(999),
    spaces: `budget${" ".repeat(3990)}x`,
    codes: "A1-".repeat(1333),
    cues: "capped at ".repeat(400),
    percents: "1.".repeat(2000),
    mixed: "limit 3 per  $5,000  20%  code A1 ".repeat(120).slice(0, 4000),
  };

  // Warm the planner (module set-up, JIT) so the printed times are the briefs' own.
  // The first plans in a process pay a one-off set-up (~0.6 s for any length: chrono and regex compilation).
  planOffline("20% off for members in December", { today: "2026-11-21" });
  planOffline("Budget $5,000, code SAVE10, limit 3 per customer, ends Dec 31, 10% off for dealers", { today: "2026-11-21" });

  it.each(Object.entries(attacks))("%s: plans to a valid draft", (_name, brief) => {
    expect(brief.length).toBeLessThanOrEqual(4000);
    const started = performance.now();
    const { draft } = planOffline(brief, { today: "2026-11-21" });
    // Printed, not asserted: the guarantee is the linear verdict above, not a wall-clock number.
    console.log(`${_name}: ${(performance.now() - started).toFixed(1)} ms`);
    expect(draft).toBeTruthy();
  });
});
