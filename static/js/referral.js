/**
 * The browser's twin of pwa_app/core/referral.py: the checksummed share token for a list of service
 * ids, and an SMS body of names and numbers that fits in one or two messages where it can.
 */

const TOKEN_VERSION = 1;
const TOKEN_CHECK_BYTES = 4;
const TOKEN_SALT = new TextEncoder().encode('passerelle-list\u0000');
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

async function tokenCheck(payload) {
  const salted = new Uint8Array(TOKEN_SALT.length + payload.length);
  salted.set(TOKEN_SALT);
  salted.set(payload, TOKEN_SALT.length);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', salted)).slice(0, TOKEN_CHECK_BYTES);
}

/** Pack service ids into the short token of a share link. */
export async function encodeIds(ids) {
  const bytes = [TOKEN_VERSION];
  for (const id of ids.slice(0, 50)) {
    if (UUID_PATTERN.test(id)) {
      bytes.push(0, ...id.replace(/-/g, '').match(/../g).map((h) => parseInt(h, 16)));
    } else {
      const raw = new TextEncoder().encode(id).slice(0, 255);
      bytes.push(1, raw.length, ...raw);
    }
  }
  const payload = Uint8Array.from(bytes);
  const all = [...payload, ...(await tokenCheck(payload))];
  return btoa(String.fromCharCode(...all)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function smsUnits(body) {
  const chars = [...body];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))) {
    return { units: chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0), single: 160, multi: 153 };
  }
  return { units: body.length, single: 70, multi: 67 }; // UTF-16 code units, as UCS-2 counts them
}

/** How many SMS `body` is sent as. */
export function smsSegments(body) {
  const { units, single, multi } = smsUnits(body);
  return units <= single ? 1 : Math.ceil(units / multi);
}

function shortName(name, limit) {
  return limit === null || [...name].length <= limit ? name : `${[...name].slice(0, limit - 1).join('').trimEnd()}…`;
}

/** Names and numbers, one a line, with the link where it fits in `maxSegments` SMS. */
export function smsBody(entries, link = null, maxSegments = 2) {
  const build = (limit, withLink) => {
    const lines = entries.map(([name, number]) => (number ? `${shortName(name, limit)}: ${number}` : shortName(name, limit)));
    return [...lines, ...(withLink && link ? [link] : [])].join('\n');
  };
  for (const withLink of link ? [true, false] : [false]) {
    for (const limit of [null, 40, 30, 24, 18, 12]) {
      const body = build(limit, withLink);
      if (smsSegments(body) <= maxSegments) return body;
    }
  }
  return build(12, false);
}
