import { Octokit } from '@octokit/rest';

// ruleid: hardcoded-api-token
const octokit = new Octokit({ auth: 'ghp_R8fK2mQ9vX4nB7cL1pZ6wY3tH5jD0sA8gE2u' });

// ruleid: hardcoded-api-token
const slackToken = 'xoxb-2749183650-8271635409-Zq8Rk2LmWn4Xv7Pt';

// ok: hardcoded-api-token
const fromEnv = process.env.GITHUB_TOKEN;

// ok: hardcoded-api-token
const placeholder = 'ghp_your_token_here';

export { octokit, slackToken, fromEnv, placeholder };
