const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const INDEX = /^(0|[1-9]\d*)$/;

/** The path of the checked document itself. */
export const ROOT_PATH = '$';

/** `['responses', '0', 'title']` -> `responses[0].title`; non-identifier keys are quoted: `headers["x-a"]`. */
export function segmentsToPath(segments: string[]): string {
  if (segments.length === 0) return ROOT_PATH;
  let path = '';
  for (const token of segments) {
    if (INDEX.test(token)) path += `[${token}]`;
    else if (IDENTIFIER.test(token)) path += path === '' ? token : `.${token}`;
    else path += `[${JSON.stringify(token)}]`;
  }
  return path;
}

/** JSON Pointer (as TypeBox reports it) to the dotted form: `/responses/0/title` -> `responses[0].title`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return ROOT_PATH;
  return segmentsToPath(
    pointer
      .slice(1)
      .split('/')
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')),
  );
}
