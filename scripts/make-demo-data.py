#!/usr/bin/env python3
"""Generate data/demo-members.csv, the synthetic demo roster for roster.

The roster models a provincial metaverse industry association founded on
2023-07-15 with 91 member companies, followed by later joins and a few
departures up to November 2026.

Only the subsidiaries of China Mobile and NetEase are named from the source;
their uscc and note are left empty. Every other company is fictional: its note
is "虚构示例 (fictional)" and its USCC is made up but checksum-valid
(GB 32100-2015).

The output is deterministic (fixed seed). Standard library only.

Usage: scripts/make-demo-data.py [-o PATH]   (default: data/demo-members.csv)
"""

import argparse
import calendar
import csv
import datetime as dt
import random
import unicodedata
from pathlib import Path

SEED = 20230715
FOUNDED = dt.date(2023, 7, 15)
LAST_JOIN_MONTH = (2026, 10)
LAST_LEAVE = dt.date(2026, 11, 20)

N_FOUNDERS = 91
N_LATER = 60
N_DEPARTURES = 8
N_VICE_PRESIDENTS = 6
N_COUNCIL = 20
N_NO_USCC = 3

FICTIONAL = "虚构示例 (fictional)"
HEADER = ["name", "uscc", "sectors", "joined", "left", "tier", "city", "parent", "note"]
KEY_SECTORS = ["healthcare", "e-commerce", "education", "tourism", "entertainment"]
OTHER_SECTORS = ["telecom", "manufacturing", "finance", "media", "technology", "other"]

# ---------------------------------------------------------------------------
# USCC (GB 32100-2015)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check_char(first17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_valid(code):
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


assert uscc_valid("91310110666007217T")
assert uscc_valid("91110000600037341L")
assert uscc_valid("9144030071526726XG")
assert not uscc_valid("91110000600037341N")

# Administrative division codes of the registering authority, by city.
DIVISIONS = {
    "杭州": ["330100", "330106", "330108", "330110"],
    "宁波": ["330200"],
    "温州": ["330300"],
    "嘉兴": ["330400"],
    "湖州": ["330500"],
    "绍兴": ["330600"],
    "金华": ["330700"],
    "衢州": ["330800"],
    "舟山": ["330900"],
    "台州": ["331000"],
    "丽水": ["331100"],
}

# ---------------------------------------------------------------------------
# Real companies (founders): China Mobile and NetEase subsidiaries.

CHINA_MOBILE = "中国移动通信集团有限公司"
NETEASE = "网易公司"

REAL = [
    # name, sectors, tier, parent
    ("中国移动通信集团浙江有限公司", ["telecom", "technology"], "president", CHINA_MOBILE),
    ("咪咕文化科技有限公司", ["entertainment", "media"], "vice-president", CHINA_MOBILE),
    ("中移（杭州）信息技术有限公司", ["technology", "telecom"], "council", CHINA_MOBILE),
    ("咪咕数字传媒有限公司", ["media", "education"], "council", CHINA_MOBILE),
    ("网易（杭州）网络有限公司", ["entertainment", "technology"], "vice-president", NETEASE),
    ("杭州网易云音乐科技有限公司", ["entertainment", "media"], "council", NETEASE),
    ("网易有道信息技术（杭州）有限公司", ["education", "technology"], "council", NETEASE),
    ("杭州网易严选贸易有限公司", ["e-commerce"], "member", NETEASE),
]

# ---------------------------------------------------------------------------
# Fictional companies.

# Primary-sector quotas for the 143 fictional companies, split between
# founders and later joins. Later joins lean toward the five key sectors;
# tourism stays the thinnest key sector.
FOUNDER_QUOTA = {
    "healthcare": 13, "e-commerce": 14, "education": 12, "tourism": 6, "entertainment": 10,
    "telecom": 5, "manufacturing": 7, "finance": 5, "media": 5, "technology": 6, "other": 0,
}
LATER_QUOTA = {
    "healthcare": 11, "e-commerce": 11, "education": 10, "tourism": 5, "entertainment": 10,
    "telecom": 1, "manufacturing": 2, "finance": 2, "media": 2, "technology": 3, "other": 3,
}

# Industry words used in names, by primary sector.
INDUSTRY = {
    "healthcare": ["医疗科技", "健康科技", "数字医疗科技", "医学影像技术", "康复科技", "智慧健康管理"],
    "e-commerce": ["电子商务", "网络科技", "供应链管理", "数字贸易", "跨境电子商务", "品牌管理"],
    "education": ["教育科技", "数字教育科技", "智慧教育科技", "文化教育", "教育咨询"],
    "tourism": ["文化旅游发展", "旅游科技", "数字文旅科技", "文旅产业发展"],
    "entertainment": ["互动娱乐", "数字娱乐科技", "影视文化", "动漫科技", "游戏科技", "演艺科技"],
    "telecom": ["通信技术", "网络通信技术", "信息通信科技"],
    "manufacturing": ["智能装备", "智能制造科技", "光电科技", "精密机械", "显示技术"],
    "finance": ["金融信息服务", "数字科技", "金融服务外包"],
    "media": ["数字传媒", "文化传媒", "数字出版", "内容科技"],
    "technology": ["信息技术", "软件", "数据科技", "计算机技术", "智能科技", "数字科技"],
    "other": ["会展服务", "建筑设计", "管理咨询", "文化创意"],
}

# Plausible secondary sectors, by primary sector, with weights.
SECONDARY = {
    "healthcare": {"technology": 2, "e-commerce": 2, "education": 2, "manufacturing": 1},
    "e-commerce": {"technology": 1, "media": 2, "entertainment": 2, "tourism": 1, "healthcare": 1, "finance": 1},
    "education": {"technology": 1, "entertainment": 2, "media": 2, "healthcare": 1},
    "tourism": {"entertainment": 3, "media": 2, "e-commerce": 2, "education": 1},
    "entertainment": {"media": 3, "education": 1, "e-commerce": 2, "tourism": 1, "technology": 1},
    "telecom": {"technology": 2, "entertainment": 1, "education": 1, "healthcare": 1},
    "manufacturing": {"technology": 1, "healthcare": 2, "e-commerce": 1},
    "finance": {"technology": 1, "e-commerce": 2},
    "media": {"entertainment": 3, "education": 1, "e-commerce": 1, "tourism": 1},
    "technology": {"entertainment": 2, "healthcare": 2, "education": 2, "e-commerce": 2, "telecom": 1},
    "other": {"entertainment": 1, "tourism": 1, "education": 1},
}

CITY_WEIGHTS = {
    "杭州": 50, "宁波": 12, "温州": 8, "嘉兴": 6, "湖州": 4, "绍兴": 6,
    "金华": 6, "衢州": 2, "舟山": 2, "台州": 4, "丽水": 1,
}
# Tourism companies are spread more evenly across the province.
TOURISM_CITY_WEIGHTS = {
    "杭州": 10, "宁波": 3, "温州": 2, "嘉兴": 2, "湖州": 4, "绍兴": 3,
    "金华": 2, "衢州": 2, "舟山": 4, "台州": 3, "丽水": 4,
}

# Two characters make a trade name (字号).
BRAND_FIRST = "星澜启知睿禾青拾朗沐若鹿溪岚泓屿栖简熠昭衡砚芷曜穹锦琢墨瀚弈辰初允岱筠樾闻澄观予"
BRAND_SECOND = "云图远行川桥野舟帆序境岸光石原蓝湾林山峰鲸言数格维象合微然茂达"

# Fictional groups: members sharing a parent. (brand, parent, members)
# Each member: (city, primary sector, industry word, founder?)
GROUPS = [
    ("衡远", "浙江衡远控股集团有限公司", [
        ("杭州", "healthcare", "健康科技", True),
        ("杭州", "education", "教育科技", True),
        ("宁波", "e-commerce", "供应链管理", False),
    ]),
    ("澜舟", "浙江澜舟文化旅游集团有限公司", [
        ("舟山", "tourism", "文化旅游发展", True),
        ("湖州", "tourism", "数字文旅科技", False),
    ]),
    ("岱峰", "宁波岱峰实业集团有限公司", [
        ("宁波", "manufacturing", "智能装备", True),
        ("宁波", "e-commerce", "跨境电子商务", True),
    ]),
]


def weighted(rng, weights):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def fold(name):
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.brands = {g[0] for g in GROUPS}
        self.names = set()
        self.usccs = set()

    def brand(self):
        while True:
            b = self.rng.choice(BRAND_FIRST) + self.rng.choice(BRAND_SECOND)
            if b[0] != b[1] and b not in self.brands:
                self.brands.add(b)
                return b

    def company_name(self, brand, city, industry):
        form = self.rng.random()
        if form < 0.72:
            name = f"{city}{brand}{industry}有限公司"
        elif form < 0.86:
            name = f"{brand}（{city}）{industry}有限公司"
        elif form < 0.95:
            name = f"浙江{brand}{industry}有限公司"
        else:
            name = f"浙江{brand}{industry}股份有限公司"
        return name

    def uscc(self, city):
        while True:
            body = "91" + self.rng.choice(DIVISIONS[city]) + "".join(
                self.rng.choice(USCC_ALPHABET) for _ in range(9))
            code = body + uscc_check_char(body)
            if code not in self.usccs:
                self.usccs.add(code)
                return code

    def sectors(self, primary):
        out = [primary]
        n_extra = self.rng.choices([0, 1, 2], weights=[45, 40, 15])[0]
        options = dict(SECONDARY[primary])
        for _ in range(n_extra):
            options = {k: w for k, w in options.items() if k not in out}
            if not options:
                break
            out.append(weighted(self.rng, options))
        return out

    def fictional(self, primary, city=None, brand=None, industry=None, parent=""):
        if city is None:
            city = weighted(self.rng, TOURISM_CITY_WEIGHTS if primary == "tourism" else CITY_WEIGHTS)
        if industry is None:
            industry = self.rng.choice(INDUSTRY[primary])
        while True:
            name = self.company_name(brand or self.brand(), city, industry)
            if fold(name) not in self.names:
                break
        self.names.add(fold(name))
        return {
            "name": name,
            "uscc": self.uscc(city),
            "sectors": self.sectors(primary),
            "joined": None,
            "left": "",
            "tier": "member",
            "city": city,
            "parent": parent,
            "note": FICTIONAL,
            "real": False,
        }


def later_join_dates(rng, n):
    """n join dates from 2023-08 to LAST_JOIN_MONTH; many fall on a monthly council day."""
    months = []
    y, m = 2023, 8
    while (y, m) <= LAST_JOIN_MONTH:
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    # Recruiting is busiest in the first two years (the goal's deadline is 2025-07-15).
    weights = [3 if (yy, mm) < (2025, 8) else 2 for yy, mm in months]
    council_day = {ym: rng.randint(10, 25) for ym in months}
    dates = []
    for _ in range(n):
        yy, mm = rng.choices(months, weights=weights)[0]
        if rng.random() < 0.5:
            day = council_day[(yy, mm)]
        else:
            day = rng.randint(1, calendar.monthrange(yy, mm)[1])
        dates.append(dt.date(yy, mm, day))
    return dates


def build(rng):
    gen = Generator(rng)
    for name, *_ in REAL:
        gen.names.add(fold(name))

    founders, later = [], []
    for name, sectors, tier, parent in REAL:
        founders.append({
            "name": name, "uscc": "", "sectors": sectors, "joined": FOUNDED, "left": "",
            "tier": tier, "city": "杭州", "parent": parent, "note": "", "real": True,
        })

    founder_quota = dict(FOUNDER_QUOTA)
    later_quota = dict(LATER_QUOTA)
    for brand, parent, members in GROUPS:
        for city, primary, industry, is_founder in members:
            row = gen.fictional(primary, city=city, brand=brand, industry=industry, parent=parent)
            (founders if is_founder else later).append(row)
            quota = founder_quota if is_founder else later_quota
            quota[primary] -= 1

    for quota, bucket in ((founder_quota, founders), (later_quota, later)):
        primaries = [s for s, k in quota.items() for _ in range(k)]
        rng.shuffle(primaries)
        bucket.extend(gen.fictional(p) for p in primaries)

    assert len(founders) == N_FOUNDERS, len(founders)
    assert len(later) == N_LATER, len(later)

    for row in founders:
        row["joined"] = FOUNDED
    for row, date in zip(later, later_join_dates(rng, len(later))):
        row["joined"] = date

    # Tiers: the president and some officers come from the real companies;
    # the remaining vice-presidents and council seats go to fictional founders,
    # plus two council seats for later joins.
    fict_founders = [r for r in founders if not r["real"]]
    rng.shuffle(fict_founders)
    vp_left = N_VICE_PRESIDENTS - sum(r["tier"] == "vice-president" for r in founders)
    council_left = N_COUNCIL - sum(r["tier"] == "council" for r in founders) - 2
    for row in fict_founders[:vp_left]:
        row["tier"] = "vice-president"
    for row in fict_founders[vp_left:vp_left + council_left]:
        row["tier"] = "council"
    for row in rng.sample([r for r in later if r["joined"] < dt.date(2025, 1, 1)], 2):
        row["tier"] = "council"

    # Departures: ordinary fictional members, at least 90 days after joining.
    candidates = [r for r in founders + later
                  if not r["real"] and r["tier"] == "member"
                  and r["joined"] <= LAST_LEAVE - dt.timedelta(days=180)]
    for row in rng.sample(candidates, N_DEPARTURES):
        first = max(row["joined"] + dt.timedelta(days=90), dt.date(2024, 1, 1))
        span = (LAST_LEAVE - first).days
        row["left"] = first + dt.timedelta(days=rng.randint(0, span))

    # A few fictional members have no USCC on file.
    for row in rng.sample([r for r in founders + later if not r["real"] and not r["parent"]], N_NO_USCC):
        gen.usccs.discard(row["uscc"])
        row["uscc"] = ""

    rows = founders + later
    rows.sort(key=lambda r: (r["joined"], r["name"]))
    return rows


def write(rows, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            w.writerow([
                r["name"], r["uscc"], ";".join(r["sectors"]), r["joined"].isoformat(),
                r["left"].isoformat() if r["left"] else "", r["tier"], r["city"],
                r["parent"], r["note"],
            ])


def main():
    default = Path(__file__).resolve().parent.parent / "data" / "demo-members.csv"
    ap = argparse.ArgumentParser(description="Generate the synthetic demo roster.")
    ap.add_argument("-o", "--output", type=Path, default=default,
                    help="output CSV (default: data/demo-members.csv)")
    args = ap.parse_args()
    rows = build(random.Random(SEED))
    write(rows, args.output)
    print(f"wrote {len(rows)} members to {args.output}")


if __name__ == "__main__":
    main()
