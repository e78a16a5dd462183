"""The one check of the Open Eligibility taxonomy translations, `pwa_app/taxonomy_i18n/<lang>.json`.

Those JSON files are the only source of the category names and search synonyms: edit them by hand,
then run this check (the tests run it on every file, `tests/test_taxonomy_i18n.py`):

    python -m pwa_app.present.taxonomy_check [CSV_PATH] [--lang CODE[,CODE...]]

CSV_PATH defaults to the Open Eligibility taxonomy in ../shared/data, beside the repository.

For each file it checks:

* the file: UTF-8 JSON written as `json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)`
  plus a newline, with no key repeated; "language" is the file's name, "translated_by" a non-empty
  string, "reviewed_by_fluent_speaker" true or false, "terms" an object;
* codes: every taxonomy code of the CSV is there, no unknown code; each term has exactly "name"
  and "synonyms";
* names: non-empty and trimmed; no two sibling terms (same parent) share a name; in English, the
  official Open Eligibility name;
* synonyms: a list of non-empty, trimmed strings; at least 4 for top-level terms (no hyphen in the
  code), at least 2 for second-level terms, at most 3 for deeper terms, at most 8 anywhere; none
  repeated and none equal to the name (compared after NFC, case-insensitively);
* text: NFC, no control, private-use or surrogate characters, no invisible formatting characters
  except the zero-width (non-)joiner that Persian and Indic spellings need;
* script: every letter of a name is in the language's script (Canadian syllabics for Inuktitut,
  Ethiopic for Tigrinya, ...), and a name has at least one such letter; names in other scripts may
  hold the upper-case acronyms of the official English names (HIV, ESL, GED). Synonyms may also
  use Latin letters (romanised forms and English words people type);
* orthography: no Persian yeh or keheh in Arabic; no Arabic yeh, kaf or alef maksura in Persian or
  Urdu, no Arabic heh in Urdu; no traditional-only characters in Simplified Chinese and no
  simplified-only ones in Traditional Chinese; no Russian-only letters in Ukrainian and no
  Ukrainian-only ones in Russian; Vietnamese names mostly carry Vietnamese diacritics.

Standard library only, and no Flask: the tests and translators call it as it is.

Size: most lines are data the rules need (each language's script ranges, simplified and traditional
character pairs, spelling rules).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # pwa_app
DATA = PACKAGE / "taxonomy_i18n"
DEFAULT_CSV = PACKAGE.parent.parent / "shared" / "data" / "taxonomy" / "open-eligibility" / "taxonomy.csv"

MIN_SYNONYMS = {0: 4, 1: 2}  # depth (hyphens in the code) -> minimum; deeper terms need none
MAX_DEEP_SYNONYMS = 3  # depth 2 and more
MAX_SYNONYMS = 8
TERM_FIELDS = {"name", "synonyms"}

# The script of each language's names: (name for messages, prefixes of Unicode character names).
SCRIPTS = {
    "latin": ("Latin", ("LATIN",)),
    "arabic": ("Arabic", ("ARABIC",)),
    "gurmukhi": ("Gurmukhi", ("GURMUKHI",)),
    "devanagari": ("Devanagari", ("DEVANAGARI",)),
    "tamil": ("Tamil", ("TAMIL",)),
    "han": ("Han (CJK)", ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")),
    "hangul": ("Hangul", ("HANGUL",)),
    "cyrillic": ("Cyrillic", ("CYRILLIC",)),
    "ethiopic": ("Ethiopic", ("ETHIOPIC",)),
    "syllabics": ("Canadian syllabics", ("CANADIAN SYLLABICS",)),
}
SCRIPT_OF = {
    "en": "latin", "fr": "latin", "es": "latin", "pt": "latin", "tl": "latin", "vi": "latin", "so": "latin",
    "ar": "arabic", "fa": "arabic", "ur": "arabic",
    "pa": "gurmukhi", "hi": "devanagari", "ta": "tamil",
    "zh_Hans": "han", "zh_Hant": "han", "ko": "hangul",
    "ru": "cyrillic", "uk": "cyrillic", "ti": "ethiopic",
    "iu": "syllabics",  # Inuktitut in syllabics; romanised Inuktitut only among the synonyms
}

ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])")
JOINERS = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: Persian and Indic spellings need them

# Orthography: characters that must not appear, by language.
FORBIDDEN_CHARS = {
    "ar": {"\u06cc": "Persian yeh (U+06CC) in Arabic text; use yeh (U+064A) or alef maksura (U+0649)",
           "\u06a9": "keheh (U+06A9, Persian kaf) in Arabic text; use kaf (U+0643)"},
    "fa": {"\u064a": "Arabic yeh (U+064A) in Persian text; use U+06CC",
           "\u0643": "Arabic kaf (U+0643) in Persian text; use keheh U+06A9",
           "\u0649": "alef maksura (U+0649) in Persian text; use U+06CC"},
    "ur": {"\u064a": "Arabic yeh (U+064A) in Urdu text; use U+06CC",
           "\u0643": "Arabic kaf (U+0643) in Urdu text; use keheh U+06A9",
           "\u0647": "Arabic heh (U+0647) in Urdu text; use U+06C1 or U+06BE",
           "\u0649": "alef maksura (U+0649) in Urdu text; use U+06CC"},
}
RU_ONLY = set("ыэёъЫЭЁЪ")
UK_ONLY = set("іїєґІЇЄҐ")
VI_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ"
               "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
VI_MARKED_SHARE = 0.8

# Pairs of (simplified-only, traditional-only) characters common in this vocabulary. Only
# unambiguous characters are listed (not 台/后/面/里/干/复, which are valid in both).
_PAIRS = (
    "务務 医醫 费費 帮幫 药藥 护護 儿兒 险險 货貨 经經 济濟 资資 贷貸 税稅 课課 语語 "
    "译譯 读讀 书書 习習 训訓 练練 历歷 业業 职職 劳勞 权權 辅輔 导導 问問 询詢 诊診 "
    "疗療 检檢 验驗 卫衛 设設 备備 发發 残殘 灾災 难難 应應 紧緊 粮糧 饭飯 园園 区區 "
    "补補 贴貼 买買 卖賣 养養 长長 临臨 时時 瘾癮 齿齒 终終 丧喪 殡殯 礼禮 宁寧 营營 "
    "计計 划劃 亲親 处處 车車 辆輛 运運 输輸 钱錢 银銀 财財 储儲 报報 纳納 领領 动動 "
    "婴嬰 电電 风風 个個 听聽 视視 测測 评評 预預 针針 种種 专專 门門 访訪 师師 对對 "
    "灵靈 团團 体體 线線 热熱 网網 络絡 学學 额額 国國 试試 识識 脑腦 简簡 写寫 岗崗 "
    "证證 调調 笔筆 饮飲 关關 爱愛 们們 这這 为為 与與 开開 会會 边邊 过過 还還 结結 "
    "给給 级級 纸紙 维維 码碼 请請 记記 许許 论論 诉訴 讼訟 谈談 话話 该該 词詞 说說 "
    "员員 贫貧 质質 购購 赠贈 贵貴 损損 杂雜 装裝 厅廳 厨廚 炉爐 灯燈 烟煙 须須 顾顧 "
    "频頻 饿餓 馆館 龄齡 无無 实實 审審 宽寬 尔爾 异異 弃棄 张張 强強 归歸 当當 录錄 "
    "怀懷 态態 戏戲 执執 扩擴 担擔 择擇 换換 携攜 数數 断斷 旧舊 显顯 术術 机機 杀殺 "
    "条條 来來 极極 构構 标標 样樣 欢歡 毕畢 气氣 汇匯 没沒 沟溝 浅淺 温溫 满滿 灭滅 "
    "点點 烦煩 状狀 独獨 献獻 环環 现現 产產 盖蓋 础礎 确確 离離 称稱 稳穩 穷窮 签簽 "
    "类類 组組 织織 综綜 罗羅 联聯 肤膚 胁脅 脱脫 节節 获獲 虑慮 虽雖 规規 观觀 触觸 "
    "认認 让讓 议議 讯訊 谊誼 负負 贡貢 赔賠 转轉 轻輕 较較 达達 迁遷 选選 递遞 遗遺 "
    "邻鄰 释釋 钟鐘 铺鋪 错錯 间間 闭閉 阅閱 队隊 阶階 际際 陆陸 随隨 隐隱 项項 题題 "
    "饥飢 驾駕 鲜鮮 齐齊 孙孫 协協 单單 众眾 伤傷 庄莊 乡鄉 寻尋 户戶 恶惡 惧懼 "
    "栖棲 毙斃 泪淚 洁潔 浓濃 烧燒 爷爺 牵牽 疯瘋 盐鹽 监監 禅禪 筑築 纠糾 "
    "绍紹 缴繳 艺藝 苏蘇 虾蝦 衬襯 袜襪 讲講 谋謀 谢謝 贝貝 贸貿 赁賃 "
    "跃躍 软軟 载載 辞辭 迟遲 逻邏 酱醬 钥鑰 锁鎖 阴陰 陈陳 韩韓 页頁 "
    "顺順 颜顏 馈饋 驱驅 鸡雞 鱼魚 麦麥 龙龍 抚撫 冻凍 凉涼 剂劑 劝勸 卢盧 "
    "厂廠 厕廁 县縣 吗嗎 呕嘔 围圍 图圖 垫墊 壮壯 妇婦 娱娛 宠寵 宾賓 尸屍 "
    "层層 岁歲 帐帳 广廣 库庫 庙廟 忆憶 拟擬 挂掛 敌敵 晕暈 "
    "枪槍 毡氈 汤湯 泼潑 渔漁 滚滾 炼煉 烛燭 牺犧 犹猶 猎獵 玛瑪 "
    "盘盤 矿礦 秃禿 窃竊 竞競 筹籌 粪糞 纤纖 约約 纪紀 纯純 "
    "纵縱 细細 绑綁 绝絕 统統 继繼 续續 "
    "缓緩 编編 缘緣 缩縮 聋聾 肠腸 胆膽 脏髒 虚虛 蚀蝕 誉譽 "
    "订訂 诈詐 诚誠 误誤 诸諸 谁誰 谓謂 "
    "谱譜 责責 败敗 贩販 贪貪 贯貫 "
    "赋賦 赌賭 赏賞 赖賴 赚賺 赛賽 赞贊 赢贏 "
    "东東 丢丟 乐樂 传傳 债債 压壓 头頭 奖獎 宝寶 带帶 办辦 兽獸 鉴鑑 赈賑 赎贖 踪蹤 "
    "轮輪 辈輩 进進 铁鐵 锅鍋 镜鏡 骤驟 饪飪 凭憑 筛篩 纷紛 扫掃 摆擺 账賬 仪儀"
)
SIMPLIFIED_ONLY = {pair[0] for pair in _PAIRS.split()}
TRADITIONAL_ONLY = {pair[1] for pair in _PAIRS.split()}
assert all(len(pair) == 2 and pair[0] != pair[1] for pair in _PAIRS.split())
assert not SIMPLIFIED_ONLY & TRADITIONAL_ONLY


def key(text: str) -> str:
    """How names and synonyms are compared for repeats: NFC, trimmed, case-insensitive."""
    return unicodedata.normalize("NFC", text).strip().casefold()


def load_taxonomy(csv_path: str | Path) -> list[dict]:
    with open(csv_path, newline="", encoding="utf-8") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def acronyms(rows: list[dict]) -> set[str]:
    """The upper-case acronyms of the official English names (HIV, ESL, GED): allowed in any script."""
    return {m for row in rows for m in ACRONYM.findall(row["name"])}


def check(data_dir: str | Path, taxonomy_csv_path: str | Path, languages: Iterable[str] | None = None) -> list[str]:
    """Every problem found in `data_dir`/<lang>.json, one message each; an empty list if none.

    `languages`: the codes whose files must be there and are checked; by default every *.json.
    """
    data_dir = Path(data_dir)
    rows = load_taxonomy(taxonomy_csv_path)
    problems: list[str] = []
    if not rows or "taxonomy_id" not in rows[0]:
        return [f"{taxonomy_csv_path}: no taxonomy rows (taxonomy_id, name, parent_id)"]
    codes = [row["taxonomy_id"] for row in rows]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        problems.append(f"{taxonomy_csv_path}: codes repeated in the taxonomy: {repeated}")
    if languages is None:
        paths = sorted(data_dir.glob("*.json"))
        if not paths:
            problems.append(f"{data_dir}: no <lang>.json files")
    else:
        paths = [data_dir / f"{lang}.json" for lang in languages]
    allowed = acronyms(rows)
    for path in paths:
        if not path.exists():
            problems.append(f"{path.stem}: no file {path}")
            continue
        problems += check_file(path, rows, allowed)
    return problems


def _load(path: Path) -> tuple[dict, list[str], str]:
    repeated: list[str] = []

    def no_repeats(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                repeated.append(k)
            seen.add(k)
        return dict(pairs)

    raw = path.read_text(encoding="utf-8")
    return json.loads(raw, object_pairs_hook=no_repeats), repeated, raw


def check_file(path: Path, rows: list[dict], allowed_acronyms: set[str]) -> list[str]:
    lang = path.stem
    problems: list[str] = []
    err = problems.append
    try:
        doc, repeated, raw = _load(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return [f"{lang}: cannot read {path.name}: {exc}"]
    for k in repeated:
        err(f"{lang}: key {k!r} repeated in the JSON")
    if not isinstance(doc, dict):
        return [*problems, f"{lang}: the file is not a JSON object"]
    if raw != json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n":
        err(f"{lang}: not written as json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) and a newline")
    if doc.get("language") != lang:
        err(f"{lang}: 'language' is {doc.get('language')!r}, expected {lang!r} (the file's name)")
    if not isinstance(doc.get("translated_by"), str) or not doc["translated_by"].strip():
        err(f"{lang}: 'translated_by' missing or empty")
    if not isinstance(doc.get("reviewed_by_fluent_speaker"), bool):
        err(f"{lang}: 'reviewed_by_fluent_speaker' must be true or false")
    terms = doc.get("terms")
    if not isinstance(terms, dict):
        return [*problems, f"{lang}: 'terms' missing or not an object"]
    script = SCRIPT_OF.get(lang)
    if script is None:
        err(f"{lang}: no expected script known for this language: add it to SCRIPT_OF in {Path(__file__).name}")
    codes = [row["taxonomy_id"] for row in rows]
    missing = [c for c in codes if c not in terms]
    if missing:
        err(f"{lang}: {len(missing)} taxonomy codes missing: {missing[:10]}{' ...' if len(missing) > 10 else ''}")
    unknown = sorted(set(terms) - set(codes))
    if unknown:
        err(f"{lang}: codes not in the taxonomy: {unknown[:10]}{' ...' if len(unknown) > 10 else ''}")
    siblings: dict[tuple[str, str], str] = {}
    names_marked = 0
    for row in rows:
        code = row["taxonomy_id"]
        term = terms.get(code)
        if term is None:
            continue
        where = f"{lang} {code} ({row['name']})"
        if not isinstance(term, dict):
            err(f"{where}: the term is not an object")
            continue
        if set(term) != TERM_FIELDS:
            err(f"{where}: fields {sorted(term)}, expected {sorted(TERM_FIELDS)}")
        name = term.get("name")
        if not isinstance(name, str) or not name.strip():
            err(f"{where}: empty or missing name")
            continue
        problems += _check_text(name, where, lang, script, allowed_acronyms, is_name=True)
        if lang == "en" and name != row["name"]:
            err(f"{where}: English name {name!r} differs from the official {row['name']!r}")
        if lang == "vi" and set(name) & VI_MARKS:
            names_marked += 1
        sibling = siblings.setdefault((row["parent_id"], key(name)), code)
        if sibling != code:
            err(f"{where}: same name {name!r} as its sibling {sibling}")
        synonyms = term.get("synonyms")
        if not isinstance(synonyms, list):
            err(f"{where}: 'synonyms' is not a list")
            continue
        depth = code.count("-")
        need = MIN_SYNONYMS.get(depth, 0)
        if len(synonyms) < need:
            err(f"{where}: {len(synonyms)} synonyms, need at least {need} at this level")
        if depth >= 2 and len(synonyms) > MAX_DEEP_SYNONYMS:
            err(f"{where}: {len(synonyms)} synonyms, at most {MAX_DEEP_SYNONYMS} for a term this deep")
        if len(synonyms) > MAX_SYNONYMS:
            err(f"{where}: {len(synonyms)} synonyms, at most {MAX_SYNONYMS}")
        seen = {key(name)}
        for synonym in synonyms:
            if not isinstance(synonym, str) or not synonym.strip():
                err(f"{where}: empty synonym {synonym!r}")
                continue
            if key(synonym) == key(name):
                err(f"{where}: synonym repeats the name: {synonym!r}")
            elif key(synonym) in seen:
                err(f"{where}: duplicate synonym {synonym!r}")
            seen.add(key(synonym))
            problems += _check_text(synonym, where, lang, script, allowed_acronyms, is_name=False)
    if lang == "vi" and terms and names_marked < VI_MARKED_SHARE * len(terms):
        err(f"{lang}: only {names_marked} of {len(terms)} names carry Vietnamese diacritics "
            f"(expected at least {VI_MARKED_SHARE:.0%})")
    return problems


def _check_text(text: str, where: str, lang: str, script: str | None, allowed_acronyms: set[str],
                is_name: bool) -> list[str]:
    what = "name" if is_name else "synonym"
    problems: list[str] = []
    err = problems.append
    if unicodedata.normalize("NFC", text) != text:
        err(f"{where}: {what} not NFC-normalised: {text!r} (NFC: {unicodedata.normalize('NFC', text)!r})")
    if text != text.strip() or "  " in text:
        err(f"{where}: stray whitespace in {what} {text!r}")
    odd = sorted({c for c in text if unicodedata.category(c) in ("Cc", "Co", "Cs")
                  or (unicodedata.category(c) == "Cf" and c not in JOINERS)})
    if odd:
        err(f"{where}: control, private-use or invisible characters "
            f"{', '.join(f'U+{ord(c):04X}' for c in odd)} in {what} {text!r}")
    for ch, why in FORBIDDEN_CHARS.get(lang, {}).items():
        if ch in text:
            err(f"{where}: {why}: {text!r}")
    if lang == "zh_Hans" and (bad := sorted(set(text) & TRADITIONAL_ONLY)):
        err(f"{where}: traditional-only characters {''.join(bad)} in Simplified Chinese {what} {text!r}")
    if lang == "zh_Hant" and (bad := sorted(set(text) & SIMPLIFIED_ONLY)):
        err(f"{where}: simplified-only characters {''.join(bad)} in Traditional Chinese {what} {text!r}")
    if lang == "uk" and (bad := sorted(set(text) & RU_ONLY)):
        err(f"{where}: Russian-only letters {''.join(bad)} in Ukrainian {what} {text!r}")
    if lang == "ru" and (bad := sorted(set(text) & UK_ONLY)):
        err(f"{where}: Ukrainian-only letters {''.join(bad)} in Russian {what} {text!r}")
    if script is None:
        return problems
    label, prefixes = SCRIPTS[script]
    if is_name:
        body = ACRONYM.sub(lambda m: " " if m.group() in allowed_acronyms else m.group(), text)
        letters = [c for c in body if c.isalpha()]
        wrong = sorted({c for c in letters if not _in_script(c, prefixes)})
        if wrong:
            err(f"{where}: letters {''.join(wrong)!r} outside the {label} script in name {text!r}"
                + (f" (acronyms allowed: {', '.join(sorted(allowed_acronyms))})" if script != "latin" else ""))
        if not any(_in_script(c, prefixes) for c in letters):
            err(f"{where}: name has no {label} letters: {text!r}")
    else:
        wrong = sorted({c for c in text if c.isalpha() and not _in_script(c, prefixes + SCRIPTS["latin"][1])})
        if wrong:
            err(f"{where}: letters {''.join(wrong)!r} outside the {label} and Latin scripts in synonym {text!r}")
    return problems


def _in_script(ch: str, prefixes: tuple[str, ...]) -> bool:
    return unicodedata.name(ch, "").startswith(prefixes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pwa_app.present.taxonomy_check",
                                     description="Check the taxonomy translations in pwa_app/taxonomy_i18n/.")
    parser.add_argument("csv_path", nargs="?", default=str(DEFAULT_CSV),
                        help="the Open Eligibility taxonomy CSV (default: %(default)s)")
    parser.add_argument("--lang", help="only these languages, comma-separated (e.g. fa,ur)")
    args = parser.parse_args(argv)
    languages = [code for code in args.lang.split(",") if code] if args.lang else None
    problems = check(DATA, args.csv_path, languages)
    for problem in problems:
        print(problem)
    checked = languages or sorted(p.stem for p in DATA.glob("*.json"))
    if problems:
        print(f"{len(problems)} problem(s) in {', '.join(checked)}", file=sys.stderr)
        return 1
    print(f"ok: {', '.join(checked)} ({len(load_taxonomy(args.csv_path))} codes each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
