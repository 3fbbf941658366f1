export { createGitHubClient, type GitHubClientOptions } from './github-client.js';
