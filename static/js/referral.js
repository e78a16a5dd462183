/**
 * The browser's twin of pwa_app/core/referral.py: the checksummed share token for a list of service
 * ids, and an SMS body of names and numbers that fits in one or two messages where it can.
 */

/** The number a referral sheet and its text message give for a service (referral.sheet_phone): its first that can be called, not a fax. */
export function sheetPhone(record) {
  return (record.p || []).find((p) => p.t !== 'fax' && p.e) || null;
}

/** A number as a text message writes it, as the sheet shows it (referral.phone_text): the display, then its extension in the words of `extension`. */
export function phoneText(phone, extension) {
  if (!phone) return '';
  return phone.x ? `${phone.d} ${extension.replace('%(ext)s', phone.x)}` : phone.d;
}

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

/** The service ids in a share token, as referral.decode reads them; null when it is damaged in any way. */
export async function decodeIds(token) {
  if (!/^[A-Za-z0-9_-]*$/.test(token) || token.length % 4 === 1) return null;
  let data;
  try {
    data = Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const canonical = btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (canonical !== token || data.length <= TOKEN_CHECK_BYTES) return null; // spare bits set: not a token we made
  const payload = data.slice(0, -TOKEN_CHECK_BYTES);
  const check = await tokenCheck(payload);
  if (check.some((b, n) => b !== data[data.length - TOKEN_CHECK_BYTES + n]) || payload[0] !== TOKEN_VERSION) return null;
  const ids = [];
  const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  for (let at = 1; at < payload.length;) {
    if (payload[at] === 0 && at + 17 <= payload.length) {
      const h = hex(payload.slice(at + 1, at + 17));
      ids.push(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
      at += 17;
    } else if (payload[at] === 1 && at + 2 <= payload.length && at + 2 + payload[at + 1] <= payload.length) {
      try {
        ids.push(new TextDecoder('utf-8', { fatal: true }).decode(payload.slice(at + 2, at + 2 + payload[at + 1])));
      } catch {
        return null;
      }
      at += 2 + payload[at + 1];
    } else return null;
  }
  return ids.length > 50 ? null : ids;
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
