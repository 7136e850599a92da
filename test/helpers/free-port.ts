export { freePort } from '../../bench/lib/free-port.js';
import { freePort } from '../../bench/lib/free-port.js';

/** A loopback port nothing listens on, for tests whose connections must be refused. */
export const closedPort = freePort;
