// The sample project that the demo reports describe: a tiny shopping cart.
export function subtotal(items) {
  let total = 0;
  for (const item of items) {
    total += item.price * item.quantity;
  }
  return total;
}

export function discount(total, code) {
  if (code === 'HALF') {
    return total / 2;
  }
  if (code === 'TENOFF' && total > 10) {
    return total - 10;
  }
  return total;
}

export function formatPrice(cents, currency) {
  const value = (cents / 100).toFixed(2);
  return currency === 'EUR' ? `${value} €` : `$${value}`;
}
