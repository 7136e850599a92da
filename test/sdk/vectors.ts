import { readFileSync } from 'node:fs';

/** docs/test-vectors.json, typed for the tests that read it. */
export interface VerifyCase {
  name: string;
  body: string;
  headers: Record<string, string>;
  valid: boolean;
  error?: string;
}

export interface TestVectors {
  keys: Record<string, unknown>;
  standardWebhooks: {
    toleranceSec: number;
    signing: Array<{
      name: string;
      keys: string[];
      id: string;
      timestamp: number;
      body: string;
      headers: Record<string, string>;
    }>;
    verifying: Array<VerifyCase & { keys: string[]; now: number }>;
  };
  viber: {
    signing: Array<{
      name: string;
      authToken: string;
      url: string;
      body: string;
      signedUrl: string;
      headers: Record<string, string>;
    }>;
    verifying: Array<VerifyCase & { authToken: string; url: string }>;
  };
  signatureHeader: {
    signing: Array<{ name: string; secret: string; body: string; headers: Record<string, string> }>;
    verifying: Array<VerifyCase & { secrets: string[] }>;
  };
}

export const TEST_VECTORS_PATH = new URL('../../docs/test-vectors.json', import.meta.url);

export const vectors = JSON.parse(readFileSync(TEST_VECTORS_PATH, 'utf8')) as TestVectors;
