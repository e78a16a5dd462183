#!/usr/bin/env python3
"""Check the Open Eligibility taxonomy translation files in this folder.

Usage:
    python3 check.py [CSV_PATH] [--lang CODE[,CODE...]]

Loads every *.json file beside this script (or only the languages named with
--lang) and checks, for each one:

* the file's "language" matches its file name, and the header fields exist;
* every taxonomy code from the CSV is present (and no unknown codes), with no
  code repeated in the JSON;
* every term has a non-empty, trimmed "name" and a "synonyms" list of
  non-empty strings;
* synonym minimums: at least 4 for the top-level terms (no hyphen in the
  code), at least 2 for second-level terms (one hyphen); deeper terms are
  optional (more than 3 there only gives a warning);
* no synonym repeated within a term, and no synonym equal to the term's name
  (compared case-insensitively after Unicode NFC normalisation);
* all text is NFC-normalised and free of stray control characters;
* script: the letters of every name are in the language's expected Unicode
  script (Arabic block for ar/fa/ur, Gurmukhi for pa, Devanagari for hi,
  Tamil for ta, CJK ideographs for zh_*; Latin for Latin-script languages).
  Short upper-case Latin acronyms such as HIV, ESL, GED are allowed inside a
  name.  Synonyms may additionally use Latin letters (romanised forms people
  type on phones).  A few orthography checks catch the commonest mix-ups:
  Arabic vs Persian yeh/kaf in ar vs fa/ur, Arabic heh in Urdu, and
  simplified-only vs traditional-only characters in zh_Hans / zh_Hant.

Standard library only.  Exits 1 and lists the problems if any check fails.
"""
import csv
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "pwa_app", "taxonomy_i18n")  # the data files
# The taxonomy in ../shared/data, beside the repository (a flag or argument overrides it).
DEFAULT_CSV = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                           "..", "shared", "data", "taxonomy", "open-eligibility", "taxonomy.csv")

MIN_SYNONYMS = {0: 4, 1: 2}  # depth (number of hyphens) -> minimum
MAX_SYNONYMS_DEEP = 3  # for depth >= 2

# Unicode ranges of letters for each script.
RANGES = {
    "arabic": [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),
               (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
    "gurmukhi": [(0x0A00, 0x0A7F)],
    "devanagari": [(0x0900, 0x097F), (0xA8E0, 0xA8FF)],
    "tamil": [(0x0B80, 0x0BFF), (0x11FC0, 0x11FFF)],
    "bengali": [(0x0980, 0x09FF)],
    "gujarati": [(0x0A80, 0x0AFF)],
    "telugu": [(0x0C00, 0x0C7F)],
    "kannada": [(0x0C80, 0x0CFF)],
    "malayalam": [(0x0D00, 0x0D7F)],
    "sinhala": [(0x0D80, 0x0DFF)],
    "cjk": [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF),
            (0x20000, 0x2FFFF), (0x3007, 0x3007)],
    "kana_cjk": [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x3040, 0x30FF),
                 (0x31F0, 0x31FF), (0xFF66, 0xFF9F)],
    "hangul": [(0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)],
    "cyrillic": [(0x0400, 0x04FF), (0x0500, 0x052F)],
    "ethiopic": [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)],
    "greek": [(0x0370, 0x03FF), (0x1F00, 0x1FFF)],
    "hebrew": [(0x0590, 0x05FF), (0xFB1D, 0xFB4F)],
    "armenian": [(0x0530, 0x058F)],
    "georgian": [(0x10A0, 0x10FF)],
    "thai": [(0x0E00, 0x0E7F)],
    "lao": [(0x0E80, 0x0EFF)],
    "khmer": [(0x1780, 0x17FF)],
    "myanmar": [(0x1000, 0x109F)],
    "latin": [(0x0041, 0x005A), (0x0061, 0x007A), (0x00C0, 0x024F),
              (0x1E00, 0x1EFF)],
}

# Expected script of names, by our language code (file name without .json).
SCRIPT_OF = {
    "ar": "arabic", "fa": "arabic", "ur": "arabic", "ps": "arabic",
    "prs": "arabic", "ckb": "arabic", "ug": "arabic",
    "pa": "gurmukhi", "hi": "devanagari", "ne": "devanagari",
    "mr": "devanagari", "ta": "tamil", "bn": "bengali", "gu": "gujarati",
    "te": "telugu", "kn": "kannada", "ml": "malayalam", "si": "sinhala",
    "zh_Hans": "cjk", "zh_Hant": "cjk", "zh": "cjk", "yue": "cjk",
    "ja": "kana_cjk", "ko": "hangul",
    "ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic",
    "ti": "ethiopic", "am": "ethiopic", "el": "greek", "he": "hebrew",
    "yi": "hebrew", "hy": "armenian", "ka": "georgian", "th": "thai",
    "lo": "lao", "km": "khmer", "my": "myanmar",
}
LATIN_LANGS = {
    "en", "fr", "es", "pt", "pt_BR", "pt_PT", "it", "de", "nl", "pl", "ro",
    "tl", "fil", "so", "sw", "vi", "tr", "ht", "hr", "bs", "sq", "cs", "sk",
    "hu", "lt", "lv", "et", "fi", "sv", "da", "no", "nb", "id", "ms", "yo",
    "ig", "ha", "om", "rw", "ln", "wo", "ff", "cr", "iu_Latn", "uz", "az",
    "ku", "kmr",
}
for _code in LATIN_LANGS:
    SCRIPT_OF.setdefault(_code, "latin")

# Upper-case Latin acronyms (HIV, ESL, GED, EI, 12-Step is digits) allowed in
# names of any script.
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])")

# Orthography: characters that must not appear, per language.
ARABIC_YEH, ARABIC_KAF, ARABIC_HEH = "\u064A", "\u0643", "\u0647"
FARSI_YEH, KEHEH = "\u06CC", "\u06A9"
FORBIDDEN_CHARS = {
    "ar": {FARSI_YEH: "Persian yeh (U+06CC) in Arabic text; use U+064A/U+0649",
           KEHEH: "keheh (U+06A9) in Arabic text; use U+0643"},
    "fa": {ARABIC_YEH: "Arabic yeh (U+064A) in Persian text; use U+06CC",
           ARABIC_KAF: "Arabic kaf (U+0643) in Persian text; use U+06A9",
           "\u0649": "alef maksura (U+0649) in Persian text; use U+06CC"},
    "ur": {ARABIC_YEH: "Arabic yeh (U+064A) in Urdu text; use U+06CC",
           ARABIC_KAF: "Arabic kaf (U+0643) in Urdu text; use U+06A9",
           ARABIC_HEH: "Arabic heh (U+0647) in Urdu text; use U+06C1 or U+06BE",
           "\u0649": "alef maksura (U+0649) in Urdu text; use U+06CC"},
}

# Pairs of (simplified-only, traditional-only) characters common in this
# vocabulary.  Only characters that are unambiguous are listed (e.g. not
# 台/后/面/里/干/复, which are valid in both).
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
    "栖棲 残殘 毙斃 泪淚 洁潔 浓濃 烧燒 爷爺 牵牽 疯瘋 盐鹽 监監 禅禪 筑築 纠糾 "
    "绍紹 综綜 缴繳 艺藝 苏蘇 虾蝦 衬襯 袜襪 讲講 谋謀 谢謝 贝貝 贫貧 贸貿 赁賃 "
    "跃躍 软軟 载載 辞辭 迟遲 逻邏 酱醬 释釋 钥鑰 锁鎖 阴陰 陈陳 陪陪 韩韓 页頁 "
    "顺順 颜顏 馈饋 驱驅 鸡雞 鱼魚 麦麥 龙龍 孕孕 抚撫 冻凍 凉涼 剂劑 劝勸 卢盧 "
    "厂廠 厕廁 县縣 吗嗎 呕嘔 员員 围圍 图圖 垫墊 壮壯 妇婦 娱娛 宠寵 宾賓 尸屍 "
    "层層 岁歲 帐帳 广廣 库庫 应應 庙廟 忆憶 拟擬 挂掛 损損 搬搬 敌敵 晕暈 "
    "杂雜 枪槍 毡氈 汤湯 泼潑 济濟 渔漁 滚滾 灾災 炼煉 烛燭 牺犧 犹猶 猎獵 玛瑪 "
    "盘盤 矿礦 礼禮 秃禿 窃竊 竞競 筹籌 签簽 粪糞 紧緊 纤纖 约約 级級 纪紀 纯純 "
    "纳納 纵縱 练練 细細 织織 终終 绍紹 经經 绑綁 绝絕 统統 继繼 续續 维維 综綜 "
    "缓緩 编編 缘緣 缩縮 聋聾 肠腸 胆膽 脏髒 虚虛 蚀蝕 补補 装裝 誉譽 "
    "计計 订訂 训訓 议議 记記 讲講 许許 设設 访訪 证證 识識 诈詐 诊診 词詞 译譯 "
    "试試 诚誠 询詢 该該 误誤 说說 请請 诸諸 读讀 课課 谁誰 调調 谈談 谊誼 谓謂 "
    "谱譜 贝貝 负負 财財 责責 败敗 货貨 质質 贩販 贪貪 贫貧 购購 贯貫 贴貼 贵貴 "
    "贷貸 贸貿 费費 资資 赋賦 赌賭 赏賞 赔賠 赖賴 赚賺 赛賽 赞贊 赠贈 赢贏 "
)
SIMPLIFIED_ONLY, TRADITIONAL_ONLY = set(), set()
for _pair in _PAIRS.split():
    if len(_pair) == 2 and _pair[0] != _pair[1]:
        SIMPLIFIED_ONLY.add(_pair[0])
        TRADITIONAL_ONLY.add(_pair[1])
SIMPLIFIED_ONLY -= TRADITIONAL_ONLY
TRADITIONAL_ONLY -= SIMPLIFIED_ONLY


def in_ranges(ch, ranges):
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ranges)


def norm(s):
    return unicodedata.normalize("NFC", s).strip().casefold()


def load_codes(csv_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        codes = [row["taxonomy_id"].strip() for row in csv.DictReader(f)]
    return codes


def load_json_no_dupes(path):
    dupes = []

    def hook(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                dupes.append(k)
            seen.add(k)
        return dict(pairs)

    with open(path, encoding="utf-8") as f:
        data = json.load(f, object_pairs_hook=hook)
    return data, dupes


def check_text(text, where, lang, script, is_name, errors):
    if unicodedata.normalize("NFC", text) != text:
        errors.append(f"{where}: not NFC-normalised: {text!r}")
    if text != text.strip() or "  " in text:
        errors.append(f"{where}: stray whitespace: {text!r}")
    if any(unicodedata.category(c) in ("Cc", "Co", "Cs") for c in text):
        errors.append(f"{where}: control/private character in {text!r}")
    for ch, why in FORBIDDEN_CHARS.get(lang, {}).items():
        if ch in text:
            errors.append(f"{where}: {why}: {text!r}")
    if lang == "zh_Hans":
        bad = sorted({c for c in text if c in TRADITIONAL_ONLY})
        if bad:
            errors.append(f"{where}: traditional-only characters {''.join(bad)} in {text!r}")
    if lang == "zh_Hant":
        bad = sorted({c for c in text if c in SIMPLIFIED_ONLY})
        if bad:
            errors.append(f"{where}: simplified-only characters {''.join(bad)} in {text!r}")
    if script is None:
        return
    ranges = RANGES[script]
    latin = RANGES["latin"]
    body = ACRONYM.sub(" ", text) if is_name else text
    letters = [c for c in body if c.isalpha()]
    if is_name:
        wrong = [c for c in letters if not in_ranges(c, ranges)]
        if wrong:
            errors.append(f"{where}: letters outside the {script} script "
                          f"({''.join(sorted(set(wrong)))}) in name {text!r}")
        if not any(in_ranges(c, ranges) for c in letters):
            errors.append(f"{where}: name has no {script} letters: {text!r}")
    else:
        wrong = [c for c in letters
                 if not in_ranges(c, ranges) and not in_ranges(c, latin)]
        if wrong:
            errors.append(f"{where}: letters outside {script}/Latin "
                          f"({''.join(sorted(set(wrong)))}) in synonym {text!r}")


def check_file(path, codes, errors, warnings):
    lang = os.path.splitext(os.path.basename(path))[0]
    try:
        data, dupes = load_json_no_dupes(path)
    except (ValueError, OSError) as exc:
        errors.append(f"{lang}: cannot load: {exc}")
        return
    for k in dupes:
        errors.append(f"{lang}: key {k!r} repeated in the JSON")
    if data.get("language") != lang:
        errors.append(f"{lang}: 'language' is {data.get('language')!r}, expected {lang!r}")
    for field in ("translated_by", "reviewed_by_fluent_speaker"):
        if field not in data:
            errors.append(f"{lang}: missing header field {field!r}")
    terms = data.get("terms")
    if not isinstance(terms, dict):
        errors.append(f"{lang}: 'terms' missing or not an object")
        return
    script = SCRIPT_OF.get(lang)
    if script is None:
        warnings.append(f"{lang}: no expected script known; script not checked")
    code_set = set(codes)
    missing = [c for c in codes if c not in terms]
    if missing:
        errors.append(f"{lang}: {len(missing)} codes missing, e.g. {missing[:8]}")
    extra = sorted(set(terms) - code_set)
    if extra:
        errors.append(f"{lang}: unknown codes {extra[:8]}")
    for code in codes:
        term = terms.get(code)
        if term is None:
            continue
        where = f"{lang} {code}"
        if not isinstance(term, dict):
            errors.append(f"{where}: term is not an object")
            continue
        name = term.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: empty or missing name")
            continue
        check_text(name, where, lang, script, True, errors)
        syns = term.get("synonyms")
        if not isinstance(syns, list):
            errors.append(f"{where}: 'synonyms' is not a list")
            continue
        depth = code.count("-")
        need = MIN_SYNONYMS.get(depth, 0)
        if len(syns) < need:
            errors.append(f"{where}: {len(syns)} synonyms, need at least {need}")
        if depth >= 2 and len(syns) > MAX_SYNONYMS_DEEP:
            warnings.append(f"{where}: {len(syns)} synonyms, at most "
                          f"{MAX_SYNONYMS_DEEP} for deeper terms")
        seen = {norm(name)}
        for s in syns:
            if not isinstance(s, str) or not s.strip():
                errors.append(f"{where}: empty synonym")
                continue
            n = norm(s)
            if n == norm(name):
                errors.append(f"{where}: synonym repeats the name: {s!r}")
            elif n in seen:
                errors.append(f"{where}: duplicate synonym {s!r}")
            seen.add(n)
            check_text(s, where, lang, script, False, errors)


def main(argv):
    csv_path = DEFAULT_CSV
    langs = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--lang":
            langs = set(args.pop(0).split(","))
        elif a.startswith("--lang="):
            langs = set(a.split("=", 1)[1].split(","))
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            csv_path = a
    codes = load_codes(csv_path)
    if len(codes) != len(set(codes)):
        print("warning: the CSV repeats some codes", file=sys.stderr)
    paths = sorted(glob.glob(os.path.join(HERE, "*.json")))
    if langs is not None:
        paths = [p for p in paths
                 if os.path.splitext(os.path.basename(p))[0] in langs]
        found = {os.path.splitext(os.path.basename(p))[0] for p in paths}
        for lang in sorted(langs - found):
            print(f"FAIL {lang}: no {lang}.json")
        if langs - found:
            return 1
    if not paths:
        print("no *.json files to check")
        return 1
    failed = 0
    for path in paths:
        errors, warnings = [], []
        check_file(path, codes, errors, warnings)
        lang = os.path.splitext(os.path.basename(path))[0]
        for w in warnings[:10]:
            print(f"warning: {w}")
        if len(warnings) > 10:
            print(f"warning: {lang}: ... and {len(warnings) - 10} more warnings")
        if errors:
            failed += 1
            print(f"FAIL {lang}: {len(errors)} problems")
            for e in errors[:60]:
                print(f"  {e}")
            if len(errors) > 60:
                print(f"  ... and {len(errors) - 60} more")
        else:
            print(f"ok   {lang}: {len(codes)} codes")
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
