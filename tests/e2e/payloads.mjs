// The hostile payloads every way into the viewer is tested with (hostile.test.mjs for the
// app, embed.test.mjs for <cable-viewer> and embed.html), and the cable that carries them.

export const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><circle r=5 /></svg>',
  '<svg><script>window.__pwned = 4</script></svg>',
  '<iframe src="javascript:parent.__pwned = 5"></iframe>',
  '<a href="javascript:window.__pwned = 6">click</a>',
  '[PREL](javascript:window.__pwned=7)',
  '[PGOV](data:text/html,<script>parent.__pwned=8</script>)',
  '![x](javascript:window.__pwned=9)',
  '<style>body { display: none } .cv-reader { visibility: hidden }</style>',
  '<div style="position:fixed;inset:0;background:red">overlay</div>',
  '"><script>window.__pwned = 10</script>',
  "'; window.__pwned = 11; '",
  '<object data="data:text/html,<script>parent.__pwned=12</script>"></object>',
  '<embed src="javascript:window.__pwned=13">',
  '<math><mtext><img src=x onerror="window.__pwned=14"></mtext></math>',
  '<details open ontoggle="window.__pwned=15">',
  '<body onload="window.__pwned=16">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=17">',
  '<form action="javascript:window.__pwned=18"><button>go</button></form>',
  '{{constructor.constructor("window.__pwned=19")()}}',
  '${window.__pwned = 20}',
  '&lt;script&gt;window.__pwned = 21&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=22&#62;',
  'RIGHT\u202eTO LEFT\u202c OVERRIDE \u2066ISOLATE\u2069',
  'ZERO\u200dWIDTH\u200bJOINERS\u2060AND\ufeffBOM',
  'CSS url(javascript:window.__pwned=23) expression(window.__pwned=24)',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0yNTwvc2NyaXB0Pg==',
  'X'.repeat(10000),
  Array.from({ length: 200 }, () => 'C O N F I D E N T I A L SECTION 01 OF 02 STATE 000001\nSUBJECT: REPEATED').join('\n'),
  '\u0000\u0001\u0007 control characters \u001b[31m',
];

/** A recognisable piece of `payload` as the page shows it, as text: its first word, without the
 *  characters that show nothing, and with the character references a plain text wrote out
 *  (`&lt;script&gt;`) read as the characters they stand for, as the parser reads them. */
export function probe(payload) {
  const decoded = payload
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
  return decoded.replace(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').slice(0, 20).trim().split(/\s+/)[0];
}

/** The page's text without the characters that show nothing. */
export const visibleText = (text) => text.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');

/** A cable carrying the payload in every field a viewer shows: raw in the subject and the
 *  body, on one line in the one-line fields. Its SUBJECT comes first, so that a payload with
 *  SUBJECT lines of its own cannot take over the heading. */
export const cable = (payload, k, line = payload.replace(/\n/g, ' ')) => `VZCZCXYZ${String(k).padStart(4, '0')}
OO RUEHWEB
DE RUEHC #${k} 0340252
ZNY CCCCC ZZH
O 030252Z FEB 09
FM SECSTATE WASHDC
TO RUEHME/AMEMBASSY MEXICO ${line.slice(0, 200)} PRIORITY 0756
C O N F I D E N T I A L STATE 0000${k}

SIPDIS

SUBJECT: PAYLOAD ${k} ${payload}
E.O. 12958: DECL: 01/29/2019
TAGS: PREL ${line.slice(0, 500)}

REF: A. ${line.slice(0, 300)}

Classified By: ${line.slice(0, 200)} for reasons 1.4 (b)

1. (C) ${payload}

${payload.slice(0, 100)}

2. (C) Ends here.

RICE
`;
