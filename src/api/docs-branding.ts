import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

/**
 * Swagger UI at /docs carries Hookline's name and mark instead of the framework's logo and the
 * generic "Swagger UI" title.
 */
const MARK = `<path d="M12 4v13a7 7 0 0 0 14 0v-3" fill="none" stroke="#2f6fdf" stroke-width="3.5" stroke-linecap="round"/><path d="M21 14l5-5 5 5" fill="none" stroke="#2f6fdf" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>`;

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="40" viewBox="0 0 180 40" role="img" aria-label="Hookline API"><title>Hookline API</title>${MARK}<text x="42" y="28" font-family="system-ui, sans-serif" font-size="22" font-weight="700" fill="#ffffff">Hookline</text></svg>`;

const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><title>Hookline</title>${MARK}</svg>`;

export const DOCS_TITLE = 'Hookline API';

/** Options for @fastify/swagger-ui. */
export const docsBranding: Pick<FastifySwaggerUiOptions, 'logo' | 'theme'> = {
  logo: { type: 'image/svg+xml', content: Buffer.from(LOGO_SVG), href: '/docs', target: '_self' },
  theme: {
    title: DOCS_TITLE,
    favicon: [
      {
        filename: 'hookline.svg',
        rel: 'icon',
        sizes: 'any',
        type: 'image/svg+xml',
        content: Buffer.from(FAVICON_SVG),
      },
    ],
  },
};
