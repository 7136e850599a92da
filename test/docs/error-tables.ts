import { ERROR_SECTIONS } from '../../src/lib/error-codes.js';
import { VIBER_REPLIES } from '../../src/api/viber/status.js';

/** Markdown tables generated from the error catalogues, each between `<!-- generated:NAME -->` markers. */

type SectionName = keyof typeof ERROR_SECTIONS;

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** One catalogue section as a table: status, code, when. */
export function errorTable(section: SectionName): string {
  const lines = [row(['status', 'code', 'when']), '|---|---|---|'];
  for (const [code, entry] of Object.entries(ERROR_SECTIONS[section].codes)) {
    lines.push(row([entry.status, `\`${code}\``, entry.description]));
  }
  return lines.join('\n');
}

/** The whole catalogue, one titled table per section (docs/api.md). */
export function errorCatalogue(): string {
  return (Object.keys(ERROR_SECTIONS) as SectionName[])
    .map((section) => `**${ERROR_SECTIONS[section].title}**\n\n${errorTable(section)}`)
    .join('\n\n');
}

/** Viber's /pa replies (docs/viber-api.md). */
export function viberReplyTable(): string {
  const lines = [row(['status', 'status_message', 'when']), '|---|---|---|'];
  for (const [name, reply] of Object.entries(VIBER_REPLIES)) {
    lines.push(row([reply.status, `\`${name}\``, reply.when]));
  }
  return lines.join('\n');
}

/** Every generated block: which doc, which marker, what goes between the markers. */
export const GENERATED_BLOCKS = [
  { doc: 'api.md', name: 'errors', render: errorCatalogue },
  { doc: 'bots.md', name: 'errors:handshake', render: () => errorTable('handshake') },
  { doc: 'bots.md', name: 'errors:invocation', render: () => errorTable('invocation') },
  { doc: 'viber-api.md', name: 'viber-replies', render: viberReplyTable },
] as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The block as it appears in the doc, markers included. */
export const markedBlock = (name: string, content: string) =>
  `<!-- generated:${name} -->\n${content}\n<!-- /generated:${name} -->`;

export const blockPattern = (name: string) =>
  new RegExp(`<!-- generated:${escape(name)} -->[\\s\\S]*?<!-- /generated:${escape(name)} -->`);
