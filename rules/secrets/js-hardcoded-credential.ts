import { Client } from 'pg';

// ruleid: js-hardcoded-credential
const apiKey = 'k8Jq2Lm9Xz4Rt7Vw';

const config: { password?: string } = {};
// ruleid: js-hardcoded-credential
config.password = 'S3cure!Passw0rd2026';

// ruleid: js-hardcoded-credential
const client = new Client({ user: 'app', password: 'hunter2hunter2' });

// ok: js-hardcoded-credential
const password = process.env.DB_PASSWORD;

// ok: js-hardcoded-credential
const apiKeyPlaceholder = 'your-api-key-here';

// ok: js-hardcoded-credential
const passwordLabel = 'Enter your password';

export { apiKey, config, client, password, apiKeyPlaceholder, passwordLabel };
