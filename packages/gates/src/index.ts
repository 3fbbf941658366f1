import { run } from './umbrella.js';

void run();
