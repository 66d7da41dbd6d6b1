/** Prices and fees as a reader expects them: "$30", "$29.50". */
import type { Money } from '../../collections/schemas/common.ts';

// Building an Intl.NumberFormat costs far more than formatting with one; a catalog formats
// thousands of prices in a few currencies.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, locale = 'en-US'): string {
  const whole = Number.isInteger(money.amount);
  const key = `${locale}|${money.currency}|${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(money.amount);
}
