"""Minimal Nunavut-standard romanized-Inuktitut -> Canadian syllabics converter.

Handles p t k g m n s l j v r q ng nng, long vowels (ii uu aa), finals, and the
'qq' -> 'ᖅᑭ' convention.  Words written in UPPER CASE (e.g. HIV) are kept as is.
"""
import re

SERIES = {
    "":    "ᐃᐄᐅᐆᐊᐋ",
    "p":   "ᐱᐲᐳᐴᐸᐹᑉ",
    "t":   "ᑎᑏᑐᑑᑕᑖᑦ",
    "k":   "ᑭᑮᑯᑰᑲᑳᒃ",
    "g":   "ᒋᒌᒍᒎᒐᒑᒡ",
    "m":   "ᒥᒦᒧᒨᒪᒫᒻ",
    "n":   "ᓂᓃᓄᓅᓇᓈᓐ",
    "s":   "ᓯᓰᓱᓲᓴᓵᔅ",
    "l":   "ᓕᓖᓗᓘᓚᓛᓪ",
    "j":   "ᔨᔩᔪᔫᔭᔮᔾ",
    "v":   "ᕕᕖᕗᕘᕙᕚᕝ",
    "r":   "ᕆᕇᕈᕉᕋᕌᕐ",
    "q":   "ᕿᖀᖁᖂᖃᖄᖅ",
    "ng":  "ᖏᖐᖑᖒᖓᖔᖕ",
    "nng": "ᙱᙲᙳᙴᙵᙶᖖ",
}
VOWEL_INDEX = {"i": 0, "u": 2, "a": 4}
CONSONANTS = ["nng", "ng", "p", "t", "k", "g", "m", "n", "s", "l", "j", "v", "r", "q"]


def _word(w):
    out = []
    i = 0
    n = len(w)
    while i < n:
        c = w[i]
        if c in VOWEL_INDEX:
            long_ = i + 1 < n and w[i + 1] == c
            out.append(SERIES[""][VOWEL_INDEX[c] + (1 if long_ else 0)])
            i += 2 if long_ else 1
            continue
        for cons in CONSONANTS:
            if w.startswith(cons, i):
                break
        else:
            if c.isalpha():
                raise ValueError(f"not a Nunavut-standard letter {c!r} in {w!r}")
            out.append(c)  # punctuation, digits, hyphen
            i += 1
            continue
        j = i + len(cons)
        if j < n and w[j] in VOWEL_INDEX:
            v = w[j]
            long_ = j + 1 < n and w[j + 1] == v
            series = cons
            # 'qq' is written ᖅ + k-series
            if cons == "q" and out and out[-1] == "ᖅ" and i > 0 and w[i - 1] == "q":
                series = "k"
            out.append(SERIES[series][VOWEL_INDEX[v] + (1 if long_ else 0)])
            i = j + (2 if long_ else 1)
        else:
            out.append(SERIES[cons][6])
            i = j
    return "".join(out)


def to_syllabics(text):
    parts = re.split(r"(\s+)", text)
    res = []
    for p in parts:
        if not p.strip():
            res.append(p)
            continue
        # keep UPPER-CASE Latin acronyms (HIV) and a trailing "-suffix" in syllabics
        m = re.match(r"^([A-Z]{2,})(-?)(.*)$", p)
        if m:
            res.append(m.group(1) + m.group(2) + _word(m.group(3)))
        else:
            res.append(_word(p))
    return "".join(res)


if __name__ == "__main__":
    for w in ["inuktitut", "aanniarvik", "iqqanaijaq", "kiinaujaq", "nunavut",
              "qanuinngittuq", "ilinniarvik", "illu", "aanniaqarnanngittulirijikkut",
              "HIV-mut iluaqsainiq", "12-nik alluriarniq", "tunngasugit"]:
        print(w, to_syllabics(w))
