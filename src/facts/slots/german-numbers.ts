/**
 * German number words, written as one word however long: "zwei", "zwölf", "einundzwanzig", "zweihundertfünfzig",
 * "dreitausend", "zweieinhalb". The article "ein" alone is no number (it is "a"); "eins" is.
 */
const ONES = new Map([
  ['ein', 1],
  ['zwei', 2],
  ['drei', 3],
  ['vier', 4],
  ['fünf', 5],
  ['fuenf', 5],
  ['sechs', 6],
  ['sieben', 7],
  ['acht', 8],
  ['neun', 9],
]);
const TEENS = new Map([
  ['zehn', 10],
  ['elf', 11],
  ['zwölf', 12],
  ['zwoelf', 12],
  ['dreizehn', 13],
  ['vierzehn', 14],
  ['fünfzehn', 15],
  ['fuenfzehn', 15],
  ['sechzehn', 16],
  ['siebzehn', 17],
  ['achtzehn', 18],
  ['neunzehn', 19],
]);
const TENS = new Map([
  ['zwanzig', 20],
  ['dreißig', 30],
  ['dreissig', 30],
  ['vierzig', 40],
  ['fünfzig', 50],
  ['fuenfzig', 50],
  ['sechzig', 60],
  ['siebzig', 70],
  ['achtzig', 80],
  ['neunzig', 90],
]);

/** 1–99 written as one word ("eins", "zwölf", "einundzwanzig"); "ein" only inside a longer word. */
function below100(w: string): number | undefined {
  if (w === 'eins') return 1;
  const n = ONES.get(w) ?? TEENS.get(w) ?? TENS.get(w);
  if (n !== undefined) return n;
  const und = w.indexOf('und');
  if (und <= 0) return undefined;
  const one = ONES.get(w.slice(0, und));
  const ten = TENS.get(w.slice(und + 3));
  return one === undefined || ten === undefined ? undefined : one + ten;
}

/** 1–999: "hundert", "zweihundert", "hundertfünf", "dreihundertzwölf", or {@link below100}. */
function below1000(w: string): number | undefined {
  const at = w.indexOf('hundert');
  if (at < 0) return below100(w);
  const head = w.slice(0, at);
  const tail = w.slice(at + 7);
  const hundreds = head === '' ? 1 : ONES.get(head);
  const rest = tail === '' ? 0 : below100(tail);
  return hundreds === undefined || rest === undefined ? undefined : hundreds * 100 + rest;
}

/** The value of a German number word (lower case), or undefined: 1 to 999,999, and "zweieinhalb" (2.5), "anderthalb". */
export function germanNumber(w: string): number | undefined {
  if (w.length < 3 || w.length > 60 || w === 'ein') return undefined;
  if (w === 'anderthalb') return 1.5;
  if (w.endsWith('einhalb')) {
    const whole = w === 'einhalb' ? undefined : germanNumber(w.slice(0, -7) === 'ein' ? 'eins' : w.slice(0, -7));
    return whole === undefined ? undefined : whole + 0.5;
  }
  const at = w.indexOf('tausend');
  if (at < 0) return below1000(w);
  const head = w.slice(0, at);
  const tail = w.slice(at + 7);
  const thousands = head === '' ? 1 : head === 'ein' ? 1 : below1000(head);
  const rest = tail === '' ? 0 : below1000(tail);
  return thousands === undefined || rest === undefined ? undefined : thousands * 1000 + rest;
}
