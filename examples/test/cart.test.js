// Tests of the sample project; `node --test` with coverage produced reports/coverage/lcov.info.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discount, formatPrice, subtotal } from '../src/cart.js';

test('subtotal sums price times quantity', () => {
  assert.equal(
    subtotal([
      { price: 250, quantity: 2 },
      { price: 100, quantity: 1 },
    ]),
    600,
  );
  assert.equal(subtotal([]), 0);
});

test('discount HALF halves the total', () => {
  assert.equal(discount(600, 'HALF'), 300);
});

test('an unknown code changes nothing', () => {
  assert.equal(discount(600, 'NONE'), 600);
});

test('formatPrice prints dollars', () => {
  assert.equal(formatPrice(1999, 'USD'), '$19.99');
});
