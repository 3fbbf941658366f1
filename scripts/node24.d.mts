export function node24Package(platform: string, arch: string): string;
export function node24Binary(prefix: string, platform: string, arch: string): string;
export function resolveNode24(machine: {
  prefix: string;
  platform: string;
  arch: string;
  pinned: Record<string, string>;
  runningVersion: string;
  execPath: string;
}): { binary: string; install: boolean };
