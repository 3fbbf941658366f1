import vm from 'node:vm';

declare const completion: { text: string };

export function runModelOutput(body: string): unknown {
  // ruleid: js-eval-dynamic-code
  const result = eval(completion.text);

  // ruleid: js-eval-dynamic-code
  const fn = new Function('input', body);

  // ruleid: js-eval-dynamic-code
  vm.runInNewContext(completion.text, {});

  // ok: js-eval-dynamic-code
  const parsed: unknown = JSON.parse(completion.text);

  // ok: js-eval-dynamic-code
  const constant = new Function('a', 'b', 'return a + b');

  return [result, fn, parsed, constant];
}
