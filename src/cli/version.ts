export { hooklineVersion } from '../lib/version.js';
