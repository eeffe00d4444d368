"""Write N synthetic articles of the genre (wire copy with junk) into a folder; deterministic per seed.

Usage: python bench/make_corpus.py N OUT_DIR [--seed S]
Varied countries, outlets, people with ranks and roles, dates in the forms wire copy uses, and the
usual junk (timestamps, widgets, bylines, "other news" lists), so that extraction and site building
are measured on realistic work.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

COUNTRIES = [
    ("Azerbaijan", "Azerbaijani", "Baku"), ("China", "Chinese", "Beijing"), ("Serbia", "Serbian", "Belgrade"),
    ("Türkiye", "Turkish", "Ankara"), ("Pakistan", "Pakistani", "Islamabad"), ("Kazakhstan", "Kazakh", "Astana"),
    ("Uzbekistan", "Uzbek", "Tashkent"), ("Georgia", "Georgian", "Tbilisi"), ("Israel", "Israeli", "Jerusalem"),
    ("Italy", "Italian", "Rome"), ("Hungary", "Hungarian", "Budapest"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Belarus", "Belarusian", "Minsk"), ("Egypt", "Egyptian", "Cairo"), ("Jordan", "Jordanian", "Amman"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"), ("Turkmenistan", "Turkmen", "Ashgabat"), ("Romania", "Romanian", "Bucharest"),
]
FIRST = ["Zakir", "Karim", "Elnur", "Rauf", "Milan", "Bratislav", "Stefan", "Wei", "Li", "Zhang", "Yasar", "Hulusi",
         "Ahmet", "Nurlan", "Ruslan", "Bakhodir", "Giorgi", "Yoav", "Guido", "Kristof", "Prabowo", "Viktor",
         "Mohamed", "Ayman", "Baktybek", "Begench", "Angel", "Sardor", "Farid", "Vugar", "Rashad", "Nikola",
         "Dragan", "Chen", "Huang", "Murat", "Emre", "Aliya", "Dina", "Irina"]
LAST = ["Hasanov", "Valiyev", "Mammadov", "Aliyev", "Guliyev", "Huseynov", "Vucevic", "Petrovic", "Jovanovic",
        "Fenghe", "Jianguo", "Weidong", "Guler", "Akar", "Kara", "Yermekbayev", "Kurbanov", "Burchuladze",
        "Gallant", "Crosetto", "Szalay", "Subianto", "Khrenin", "Zaki", "Beknazarov", "Gundogdyev", "Tilvar",
        "Karimov", "Ismayilov", "Rzayev", "Nikolic", "Markovic", "Zhao", "Liu", "Demir", "Yilmaz", "Nurpeisova",
        "Abenova", "Sokolova", "Ibragimova"]
ROLES = ["Minister of Defense", "Chief of the General Staff", "Deputy Minister of Defense", "Minister of Foreign Affairs",
         "Commander of the Air Force", "Ambassador", "Deputy Chairman of the State Committee for Defense Industry"]
RANKS = ["Colonel General", "Lieutenant General", "Major General", "General", "Admiral", ""]
OUTLETS = [("told AZERTAC", "AZERTAC"), ("Report informs", "Report"), ("Trend reports", "Trend"),
           ("(Xinhua)", "Xinhua"), ("/TASS/", "TASS"), ("", None)]
TOPIC_SENTENCES = [
    "The sides discussed military-technical cooperation and the supply of defense equipment.",
    "Joint exercises of the two armies are planned for the autumn, and military drills will follow.",
    "Bilateral trade turnover grew, and investment in the defense industry was discussed.",
    "The parties praised the strategic partnership between the two countries.",
    "Cooperation in military education, including training of officers at military academies, was reviewed.",
    "The role of the Middle Corridor and other transport corridors was highlighted.",
    "Regional peace and stability and security in the region were on the agenda.",
    "An exhibition of defense products, ADEX, will be held in Baku.",
    "Cooperation in combating terrorism, separatism and extremism was stressed.",
]
JUNK = ["Share", "Views: 1,204", "Print", "Follow us on Telegram", "THE OPERATION IS BEING PERFORMED", "#"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def make_article(rng: random.Random, index: int) -> str:
    (a, a_adj, a_cap), (b, b_adj, _) = rng.sample(COUNTRIES, 2)
    host = rng.choice(FIRST) + " " + rng.choice(LAST)
    guest = rng.choice(FIRST) + " " + rng.choice(LAST)
    role_a, role_b = rng.choice(ROLES), rng.choice(ROLES)
    rank_a, rank_b = rng.choice(RANKS), rng.choice(RANKS)
    year, month, day = rng.randint(2015, 2025), rng.randrange(12), rng.randint(1, 28)
    attribution, _ = rng.choice(OUTLETS)
    title = f"{a} and {b} discuss {rng.choice(['defense', 'military', 'security', 'trade', 'education'])} ties ({index})"
    stamp = rng.choice([
        f"# {day} {MONTHS[month]} {year} 1{rng.randint(0, 9)}:{rng.randint(10, 59)} (UTC +04:00)",
        f"Published: {day:02d}.{month + 1:02d}.{year}",
        f" date {year}-{month + 1:02d}-{day:02d}",
        "",
    ])
    lead = (f"On {MONTHS[month]} {day}, the {role_a} of {a}, {rank_a} {host} met with the {b_adj} "
            f"{role_b}, {rank_b} {guest}, who is on a visit to {a_cap}"
            + (f", {attribution}." if attribution else ".")).replace("  ", " ")
    body = [lead]
    body += rng.sample(TOPIC_SENTENCES, 3)
    body.append(f"{host.split()[-1]} noted that relations between {a} and {b} are developing dynamically.")
    body.append(f"{guest[0]}. {guest.split()[-1]} thanked the {a_adj} side for the warm welcome.")
    if rng.random() < 0.5:
        body.append(f"Trade between the two countries reached ${rng.randint(100, 900)} million in {year - 1}.")
    lines = [title]
    if rng.random() < 0.3:
        lines.append(title)
    if stamp:
        lines.append(stamp)
    lines.append("")
    lines += [p + "\n" for p in body]
    lines += rng.sample(JUNK, 2)
    if rng.random() < 0.3:
        lines += ["Other news", f"{rng.choice(COUNTRIES)[0]} tests new missile"]
    return "\n".join(lines) + "\n"


def write_corpus(count: int, folder: Path, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:06d}.txt"
        path.write_text(make_article(rng, index), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.count, args.out, args.seed)
    print(f"{args.count} articles in {args.out}")


if __name__ == "__main__":
    main()
