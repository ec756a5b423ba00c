"""Child process of the crash test: ``python crash_child.py DB CORPUS BATCH_SIZE``.

Ingests CORPUS into DB with ``Store.ingest`` and a small real extractor (one Quantity per digit
run, evidence exact), so records are written in the same transactions as their articles.
"""

import re
import sys

import signaal
from signaal.records import Evidence, Quantity, Signals, stable_id

DIGITS = re.compile(r"\d+")
EXTRACTOR = "crashtest.numbers.v1"


def numbers(article):
    found = []
    for m in DIGITS.finditer(article.text):
        ev = Evidence(article.id, m.start(), m.end(), m.group(), 0, len(article.text), article.text)
        found.append(Quantity(id=stable_id(article.id, "quantity", m.start(), m.end(), EXTRACTOR),
                              value=float(m.group()), unit=None, evidence=ev, extractor=EXTRACTOR))
    return Signals(article_id=article.id, quantities=tuple(found), extractor=EXTRACTOR)


if __name__ == "__main__":
    db, corpus, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with signaal.Store(db, batch_size=batch) as store:
        report = store.ingest(signaal.read(corpus, lang="nl"), extract=numbers)
    print(report.summary())
    sys.exit(report.exit_code())
