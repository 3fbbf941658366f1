import https from 'node:https';
import { Pool } from 'pg';

// ruleid: js-tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });

// ruleid: js-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// ok: js-tls-verification-disabled
const pool = new Pool({ ssl: { rejectUnauthorized: true, ca: process.env.DB_CA_CERT } });

// ok: js-tls-verification-disabled
const strictAgent = new https.Agent({ keepAlive: true });

export { agent, pool, strictAgent };

// ruleid: js-tls-verification-disabled
export const insecurePool = new Pool({ ssl: { rejectUnauthorized: false } });
