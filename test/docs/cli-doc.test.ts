import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { ROOT } from '../helpers/cli-sources.js';

/** docs/cli.md against the CLI's own --help text (commander's helpInformation is what it prints). */
const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');

/** The section of docs/cli.md headed "### `hookline <path>...`", up to the next heading. */
function section(path: string): string | null {
  const start = doc.indexOf(`### \`${path}`);
  if (start === -1) return null;
  const next = doc.indexOf('\n#', start + 1);
  return doc.slice(start, next === -1 ? undefined : next);
}

/** The names listed under a heading of --help ("Commands:" or "Options:"). */
function listed(help: string, heading: 'Commands:' | 'Options:'): string[] {
  const block = help.split(`\n${heading}\n`)[1]?.split('\n\n')[0] ?? '';
  // An entry starts two spaces in; a wrapped description continues further in.
  return block
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.trim().split(/\s{2,}/)[0]);
}

/** Every command that does something, with its path from `hookline`. */
function leaves(command: Command, path: string[] = ['hookline']): Array<[string, Command]> {
  return command.commands.flatMap((sub): Array<[string, Command]> => {
    const here = [...path, sub.name()];
    return sub.commands.length === 0 ? [[here.join(' '), sub]] : leaves(sub, here);
  });
}

const longFlag = (entry: string) => /--[a-z][a-z-]*/.exec(entry)?.[0] ?? entry.split(/[ ,]/)[0];

describe('docs/cli.md', () => {
  const program = buildProgram();

  it('has a section for every command --help lists', () => {
    const top = listed(program.helpInformation(), 'Commands:').map((e) => e.split(' ')[0]);
    expect(top).toEqual(expect.arrayContaining(['serve', 'apps', 'deliveries', 'bins']));
    const missing: string[] = [];
    for (const name of top.filter((n) => n !== 'help')) {
      const command = program.commands.find((c) => c.name() === name)!;
      const paths =
        command.commands.length === 0
          ? [`hookline ${name}`]
          : listed(command.helpInformation(), 'Commands:')
              .map((e) => e.split(' ')[0])
              .filter((n) => n !== 'help')
              .map((sub) => `hookline ${name} ${sub}`);
      for (const path of paths) if (section(path) === null) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('documents every option of every command, and the global ones', () => {
    const missing: string[] = [];
    for (const [path, command] of leaves(program)) {
      const text = section(path) ?? '';
      for (const entry of listed(command.helpInformation(), 'Options:')) {
        const flag = longFlag(entry);
        if (flag === '--help') continue;
        if (!new RegExp(`${flag}(?![a-z-])`).test(text)) missing.push(`${path} ${flag}`);
      }
    }
    const globals = doc.split('## Global options')[1]?.split('\n## ')[0] ?? '';
    for (const entry of listed(program.helpInformation(), 'Options:'))
      if (!globals.includes(`\`${entry.split(' <')[0]}`)) missing.push(`global ${entry}`);
    expect(missing).toEqual([]);
  });
});
