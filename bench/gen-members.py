#!/usr/bin/env python3
"""Generate N synthetic members in roster's import format, for benchmarks.

Usage: bench/gen-members.py N > members.csv      (statistics go to stderr)

The CSV is byte for byte what `roster export -f csv` writes for the same
roster: header id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key,
CRLF line ends, no BOM, members in id order, a member with several membership
periods written as several rows that share its id (oldest period first), and
a cell quoted only when it holds a comma, a double quote or a line break.
So `roster import` of the file followed by `roster export -f csv` gives the
file back (bench/run.sh checks that).

Deterministic: the random generator is seeded from N alone, so the same N
gives the same bytes on every machine (standard library only; the stream of
random.Random(seed).random() is stable across Python 3 versions, and nothing
else random is used).

What a roster of N members looks like:
  * names: realistic, unique and number-free, e.g. 杭州星澜数字医疗科技有限公司,
    星澜（宁波）跨境电商服务有限公司, 浙江禾屿智能装备制造股份有限公司: city or
    浙江, a two-character trade name (字号) from a pool of about 3,000, an
    industry word and a business word that fit the member's primary sector,
    and 有限公司 or 股份有限公司. A name already taken is drawn again (new trade
    name); only when 64 draws fail does it become a branch (…有限公司宁波分公司),
    and only when that fails too a numbered branch (…（分公司3）). At a million
    members neither happens (stderr reports the count).
  * USCC: every member has one, unique and valid under GB 32100-2015: 91
    (enterprise), the division code of the member's city, a 9-character
    organisation code (MA… for post-2015 registrations, 8 digits for older
    ones) whose own check character follows GB 11714, and the check character.
    Uniqueness comes from a bijection of the member's index, not from a set.
  * sectors: a primary from healthcare, e-commerce, education, tourism,
    entertainment (the key sectors), telecom, manufacturing or other; a quarter
    of the members have a second sector (written primary;secondary).
  * tier: one president, about one in 400 vice-president (at least 4), 4 %
    council, the rest member; officers are members whose latest period is open.
  * city: the 11 cities of Zhejiang, Hangzhou most.
  * periods: first joins from 2015-01-01 to 2026-11-01, more in later years;
    about a fifth leave (most with a reason, e.g. 未续费), about 40 % of those
    re-join (some on the day they left), some leave and re-join again. No date
    is after 2026-11-01, so the file imports with any --as-of from then on.
  * ids 1..N in order of first join; a few members have a parent group, some a
    note (a few with a comma or a double quote, to exercise CSV quoting).
"""

import bisect
import datetime as dt
import hashlib
import sys

import random

SEED = 20150101
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2026, 11, 1)
SPAN = (LAST_DAY - FIRST_DAY).days
# Dates are day numbers from FIRST_DAY (0 .. SPAN); ISO text by lookup.
ISO = [(FIRST_DAY + dt.timedelta(days=k)).isoformat() for k in range(SPAN + 1)]

HEADER = "id,name,uscc,sectors,tier,city,parent,note,joined,left,reason,sort_key"

# ---------------------------------------------------------------------------
# Drawing. Only rng.random() is used, so the stream is stable across Python
# versions (random.choices, sample and shuffle have changed over the years).


class Draw:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.random = self.rng.random

    def below(self, n):
        return int(self.random() * n)

    def pick(self, seq):
        return seq[int(self.random() * len(seq))]

    def weighted(self, table):
        """table: from cumulative(); the first item whose cumulative weight exceeds x."""
        items, cums = table
        return items[bisect.bisect_right(cums, self.random() * cums[-1])]

    def between(self, lo, hi):
        """an int in [lo, hi]"""
        return lo + int(self.random() * (hi - lo + 1))


def cumulative(weights):
    items, cums, total = [], [], 0
    for item, w in weights:
        total += w
        items.append(item)
        cums.append(total)
    return items, cums


# ---------------------------------------------------------------------------
# USCC (GB 32100-2015) and the organisation code inside it (GB 11714-1997).

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check_char(first17):
    total = 0
    for c, w in zip(first17, USCC_WEIGHTS):
        total += USCC_VALUE[c] * w
    return USCC_ALPHABET[(31 - total % 31) % 31]


ORG_VALUE = {c: (int(c) if c.isdigit() else ord(c) - 55) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def org_check_char(body8):
    total = 0
    for c, w in zip(body8, ORG_WEIGHTS):
        total += ORG_VALUE[c] * w
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_valid(code):
    if len(code) != 18 or any(c not in USCC_VALUE for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


assert uscc_valid("91310110666007217T")
assert uscc_valid("91110000600037341L")
assert not uscc_valid("91110000600037341N")
assert org_check_char("60003734") == "1"  # the organisation code inside 91110000600037341L

# Bijections of the member index onto the two kinds of organisation code:
# "MA" + 6 characters of the USCC alphabet (31**6 codes) and 8 digits (10**8).
MA_SPACE, MA_MUL, MA_ADD = 31 ** 6, 387_420_489, 123_456_789  # 387420489 = 3**18, prime to 31
OLD_SPACE, OLD_MUL, OLD_ADD = 10 ** 8, 61_803_399, 27_182_818  # prime to 10


def org_code(index, new_style):
    if new_style:
        x = (index * MA_MUL + MA_ADD) % MA_SPACE
        digits = []
        for _ in range(6):
            x, r = divmod(x, 31)
            digits.append(USCC_ALPHABET[r])
        body = "MA" + "".join(digits)
    else:
        body = "%08d" % ((index * OLD_MUL + OLD_ADD) % OLD_SPACE)
        if body[0] == "0":  # old codes rarely start with 0: move it, still one-to-one
            body = "W" + body[1:] if index % 2 else "L" + body[1:]
    return body + org_check_char(body)


# ---------------------------------------------------------------------------
# Cities, sectors, names.

# City: weight, division codes of its registration authorities.
CITIES = {
    "杭州": (40, ["330100", "330102", "330105", "330106", "330108", "330109", "330110", "330112"]),
    "宁波": (14, ["330200", "330203", "330206", "330212"]),
    "温州": (9, ["330300", "330302", "330381"]),
    "嘉兴": (6, ["330400", "330402", "330481"]),
    "湖州": (4, ["330500", "330502"]),
    "绍兴": (7, ["330600", "330602", "330603"]),
    "金华": (7, ["330700", "330702", "330782"]),
    "衢州": (2, ["330800"]),
    "舟山": (2, ["330900"]),
    "台州": (6, ["331000", "331002"]),
    "丽水": (3, ["331100"]),
}
CITY_TABLE = cumulative((c, w) for c, (w, _) in CITIES.items())
CITY_NAMES = list(CITIES)

PRIMARY_TABLE = cumulative([
    ("healthcare", 16), ("e-commerce", 17), ("education", 14), ("tourism", 9),
    ("entertainment", 14), ("telecom", 8), ("manufacturing", 13), ("other", 9),
])

SECONDARY = {
    "healthcare": [("education", 2), ("e-commerce", 2), ("manufacturing", 2), ("tourism", 1)],
    "e-commerce": [("entertainment", 2), ("tourism", 2), ("healthcare", 1), ("education", 1), ("other", 1)],
    "education": [("entertainment", 2), ("tourism", 2), ("healthcare", 1), ("e-commerce", 1)],
    "tourism": [("entertainment", 3), ("e-commerce", 2), ("education", 2)],
    "entertainment": [("e-commerce", 2), ("education", 2), ("tourism", 2), ("telecom", 1)],
    "telecom": [("entertainment", 1), ("education", 1), ("healthcare", 1), ("manufacturing", 1)],
    "manufacturing": [("healthcare", 2), ("e-commerce", 2), ("telecom", 1)],
    "other": [("tourism", 2), ("education", 1), ("entertainment", 1), ("e-commerce", 1)],
}
SECONDARY_TABLE = {k: cumulative(v) for k, v in SECONDARY.items()}

# Per primary sector: industry words and the business words that follow them.
# Every industry + business pair reads as a plausible registered scope.
BUSINESS = {
    "healthcare": (["医疗", "数字医疗", "智慧医疗", "医学影像", "康复", "生物医药", "医疗器械", "互联网医疗",
                    "健康管理", "基因", "中医药", "养老"],
                   ["科技", "技术", "信息科技", "服务"]),
    "e-commerce": (["电子商务", "跨境电商", "数字贸易", "供应链", "网络", "直播电商", "品牌", "新零售",
                    "社交电商", "物流"],
                   ["科技", "服务", "管理", "信息技术"]),
    "education": (["教育", "数字教育", "智慧教育", "在线教育", "职业教育", "研学", "教育培训", "少儿编程",
                   "语言培训", "艺术教育"],
                  ["科技", "咨询", "信息技术", "文化"]),
    "tourism": (["文化旅游", "数字文旅", "旅游", "文旅", "智慧旅游", "乡村旅游", "酒店", "景区", "民宿",
                 "研学旅行"],
                ["发展", "科技", "开发", "管理", "服务"]),
    "entertainment": (["互动娱乐", "数字娱乐", "影视", "动漫", "游戏", "演艺", "电竞", "音乐", "虚拟现实",
                       "元宇宙", "数字藏品"],
                      ["科技", "文化", "传媒", "网络科技"]),
    "telecom": (["通信", "网络通信", "信息通信", "物联网", "移动通信", "卫星通信", "光通信", "数据通信"],
                ["技术", "科技", "工程", "服务"]),
    "manufacturing": (["智能装备", "智能制造", "光电", "精密机械", "显示", "机器人", "新材料", "电子",
                       "传感器", "汽车零部件"],
                      ["科技", "技术", "制造"]),
    "other": (["会展", "建筑设计", "企业管理", "文化创意", "环保", "物业", "人力资源", "广告", "检测认证",
               "知识产权"],
              ["服务", "科技", "咨询", "发展"]),
}

# Two characters make a trade name (字号): about 3,000 of them.
BRAND_FIRST = ("星澜启知睿禾青拾朗沐若鹿溪岚泓屿栖简熠昭衡砚芷曜穹锦琢墨瀚弈辰初允岱筠樾闻澄观予"
               "嘉恒华盛鼎泰宏远博瑞安康聚源万合永信德润天正")
BRAND_SECOND = "云图远行川桥野舟帆序境岸光石原蓝湾林山峰鲸言数格维象合微然茂达创景弘新驰航晟诚誉宸"
BRANDS = [a + b for a in BRAND_FIRST for b in BRAND_SECOND if a != b]

# Name forms: (weight, template); {c} city, {b} trade name, {i} industry, {k} business.
FORM_TABLE = cumulative([
    ("{c}{b}{i}{k}有限公司", 70),
    ("{b}（{c}）{i}{k}有限公司", 12),
    ("浙江{b}{i}{k}有限公司", 9),
    ("{c}{b}{i}{k}股份有限公司", 5),
    ("浙江{b}{i}{k}股份有限公司", 4),
])

TIERS_RATE_VP = 400  # one vice-president per this many members
COUNCIL_PERCENT = 4

REASONS = cumulative([
    ("未续费", 30), ("企业注销", 10), ("业务调整", 12), ("迁出浙江", 6), ("合并重组", 5),
    ("主动退会", 8), ("联系不上", 4), ("业务调整, 暂停会员", 2), ("", 23),
])

NOTES = cumulative([
    ("", 900), ("理事会推荐", 20), ("年费已缴", 20), ("新入会企业", 15), ("专精特新企业", 10),
    ("高新技术企业", 15), ("联系人: 张女士, 综合部", 6), ('入选"数字浙江"示范项目', 4),
    ("秘书处走访", 10),
])

# ---------------------------------------------------------------------------


def csv_quote(cell):
    # roster's csv_quote: quote only a cell with , " CR or LF.
    if "," in cell or '"' in cell or "\r" in cell or "\n" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def join_day(d, span):
    # Half uniform, half rising linearly: the association grows over the years.
    u = d.random()
    x = u if d.random() < 0.5 else u ** 0.5
    return min(span, int(x * (span + 1)))


def build(n):
    d = Draw(SEED * 10_000_019 + n)
    span = SPAN
    names = set()
    stats = {"redraws": 0, "branch_names": 0, "numbered_names": 0}
    members = []
    for _ in range(n):
        primary = d.weighted(PRIMARY_TABLE)
        sectors = [primary]
        if d.random() < 0.25:
            sectors.append(d.weighted(SECONDARY_TABLE[primary]))
        city = d.weighted(CITY_TABLE)
        industries, kinds = BUSINESS[primary]
        name = None
        for _ in range(64):
            form = d.weighted(FORM_TABLE)
            brand = d.pick(BRANDS)
            candidate = form.format(c=city, b=brand, i=d.pick(industries), k=d.pick(kinds))
            if candidate not in names:
                name = candidate
                break
            stats["redraws"] += 1
        if name is None:  # practically never: a branch office, then a numbered one
            for other in CITY_NAMES:
                if other != city and candidate + other + "分公司" not in names:
                    name = candidate + other + "分公司"
                    stats["branch_names"] += 1
                    break
            k = 2
            while name is None:
                if candidate + "（分公司%d）" % k not in names:
                    name = candidate + "（分公司%d）" % k
                    stats["numbered_names"] += 1
                k += 1
        names.add(name)
        parent = ""
        if d.random() < 0.04:
            parent = "浙江" + brand + ("控股集团有限公司" if d.random() < 0.6 else "实业集团有限公司")
        note = d.weighted(NOTES)

        first = join_day(d, span)
        periods = []  # [joined, left, reason]
        joined = first
        leave_p = 0.20
        while True:
            room = span - joined
            if room > 60 and d.random() < leave_p:
                left = joined + d.between(30, room)
                periods.append([joined, left, d.weighted(REASONS)])
                if d.random() < 0.50:
                    gap = 0 if d.random() < 0.05 else d.between(1, 540)
                    back = left + gap
                    if back <= span:
                        joined = back
                        leave_p = 0.25
                        continue
                break
            periods.append([joined, None, ""])
            break
        members.append((first, name, city, sectors, parent, note, periods, d.random() < 0.75))

    # ids in order of first join (ties by name), as a roster typed in over the years.
    members.sort(key=lambda m: (m[0], m[1]))

    # Tiers: officers are members whose latest period is open.
    tiers = ["member"] * n
    active = [i for i, m in enumerate(members) if m[6][-1][1] is None]
    if active:
        tiers[active[0]] = "president"  # the earliest member still in
        rest = active[1:]
        n_vp = min(len(rest), max(4, n // TIERS_RATE_VP))
        n_council = min(len(rest), n * COUNCIL_PERCENT // 100)
        # A partial Fisher-Yates over the active members, driven by d.random().
        order = list(rest)
        wanted = min(len(order), n_vp + n_council)
        for j in range(wanted):
            k = j + d.below(len(order) - j)
            order[j], order[k] = order[k], order[j]
        for i in order[:n_vp]:
            tiers[i] = "vice-president"
        for i in order[n_vp:wanted]:
            tiers[i] = "council"

    return members, tiers, stats


def write(members, tiers, out):
    lines = [HEADER]
    for index, (m, tier) in enumerate(zip(members, tiers)):
        _, name, city, sectors, parent, note, periods, new_style = m
        mid = index + 1
        divisions = CITIES[city][1]
        # The division follows the index too, so the same member keeps its code.
        first17 = "91" + divisions[mid % len(divisions)] + org_code(mid, new_style)
        uscc = first17 + uscc_check_char(first17)
        head = "%d,%s,%s,%s,%s,%s,%s,%s" % (mid, csv_quote(name), uscc, ";".join(sectors), tier, city,
                                           csv_quote(parent), csv_quote(note))
        for joined, left, reason in periods:
            lines.append("%s,%s,%s,%s," % (head, ISO[joined], "" if left is None else ISO[left],
                                           csv_quote(reason)))
        if len(lines) >= 50_000:
            out.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))
            lines = []
    if lines:
        out.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: bench/gen-members.py N > members.csv   (N >= 1)")
    n = int(sys.argv[1])
    members, tiers, stats = build(n)
    digest = hashlib.sha256()

    class Tee:
        def write(self, data):
            digest.update(data)
            sys.stdout.buffer.write(data)

    write(members, tiers, Tee())
    sys.stdout.buffer.flush()

    periods = sum(len(m[6]) for m in members)
    left_now = sum(1 for m in members if m[6][-1][1] is not None)
    ever_left = sum(1 for m in members if m[6][0][1] is not None)
    rejoined = sum(1 for m in members if len(m[6]) > 1)
    three = sum(1 for m in members if len(m[6]) > 2)
    same_day = sum(1 for m in members for a, b in zip(m[6], m[6][1:]) if a[1] == b[0])
    multi = sum(1 for m in members if len(m[3]) > 1)
    tier_count = {t: tiers.count(t) for t in ("president", "vice-president", "council", "member")}
    print(f"gen-members: {n} members, {periods} periods (rows); left at least once {ever_left}, "
          f"left now {left_now}, re-joined {rejoined} ({three} with 3+ periods, {same_day} on the day they left); "
          f"multi-sector {multi}; tiers " + ", ".join(f"{t} {c}" for t, c in tier_count.items()) +
          f"; name redraws {stats['redraws']}, branch names {stats['branch_names']}, "
          f"numbered names {stats['numbered_names']}; sha256 {digest.hexdigest()}", file=sys.stderr)


if __name__ == "__main__":
    main()
