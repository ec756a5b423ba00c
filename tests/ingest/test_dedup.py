"""Dedup: normalised content hash, MinHash signatures, exact and near duplicates, reseeding."""

import dataclasses

import pytest

from ingest_texts import EN, NL, NL2
from signaal.ingest import dedup
from signaal.ingest.build import Draft, Options, finish
from signaal.settings import load_settings

ORIGINAL = (
    "Het Russische ministerie van Defensie meldt dat een deel van de troepen na oefeningen "
    "terugkeert naar de kazernes. Hoeveel militairen het precies betreft, is onduidelijk. "
    "De Verenigde Staten houden vol dat er nog altijd zo'n honderdduizend soldaten bij de grens "
    "staan en dat een inval elk moment mogelijk is. Het Kremlin spreekt dat tegen en noemt de "
    "troepenbewegingen een binnenlandse zaak. Diplomaten uit Parijs en Berlijn reizen deze week "
    "opnieuw naar Moskou om over de-escalatie te praten. De NAVO zegt voorzichtig optimistisch te "
    "zijn maar ziet nog geen bewijs van een terugtrekking van zwaar materieel langs de grens.")
# A syndicated copy: another outlet's intro line, one word changed, a sign-off added.
NEAR = ("Het Russische ministerie van Defensie meldt dat een deel van de troepen na oefeningen "
        "terugkeert naar de kazernes. Hoeveel militairen het precies betreft, is onduidelijk. "
        "De Verenigde Staten houden vol dat er nog altijd zo'n honderdduizend soldaten bij de grens "
        "staan en dat een inval elk moment mogelijk is. Het Kremlin spreekt dat tegen en noemt de "
        "troepenbewegingen een binnenlandse zaak. Diplomaten uit Parijs en Berlijn reizen deze week "
        "opnieuw naar Moskou om over de-escalatie te praten. De NAVO zegt voorzichtig optimistisch te "
        "zijn maar ziet nog geen bewijs van een terugtrekking van zwaar materieel langs de grens. (ANP)")


def _art(text, url=None):
    return finish(Draft(text=text, url=url), "x.txt", "text", Options(settings=load_settings(), lang="nl"))


@pytest.mark.parametrize("a,b", [
    ("Hij zei: “Nee.”", 'hij zei: "nee."'),
    ("zo’n  130.000\n\nmilitairen", "zo'n 130.000 militairen"),
    ("ﬁnale", "finale"),  # NFKC folds the ligature
])
def test_dedup_content_hash_normalises(a, b):
    assert dedup.content_hash(a) == dedup.content_hash(b)


def test_dedup_content_hash_differs_for_different_words():
    assert dedup.content_hash(NL) != dedup.content_hash(NL2)


def test_dedup_signature_round_trip():
    sig = dedup.signature(ORIGINAL)
    assert len(sig) == 64 * 4
    m = dedup.from_signature(sig)
    assert m.jaccard(dedup.minhash(ORIGINAL)) == 1.0


def test_dedup_exact_duplicate_other_url():
    d = dedup.Deduper()
    a, b = _art(ORIGINAL, "https://a.example/x"), _art(ORIGINAL.replace("’", "'"), "https://b.example/y")
    assert a.id != b.id and a.content_hash == b.content_hash
    assert d.check(a) == (None, a.id)
    assert d.check(b) == (a.id, a.id)


def test_dedup_near_duplicate_grouped_unrelated_not():
    d = dedup.Deduper(threshold=0.8)
    a, near, other = _art(ORIGINAL), _art(NEAR), _art(NL + " " + NL2)
    assert dedup.minhash(ORIGINAL).jaccard(dedup.minhash(NEAR)) >= 0.8
    assert d.check(a) == (None, a.id)
    assert d.check(near) == (a.id, a.id)
    assert d.check(other) == (None, other.id)


def test_dedup_reseeded_from_store_rows_gives_same_answers():
    first = dedup.Deduper()
    a, near = _art(ORIGINAL), _art(NEAR)
    first.check(a)
    first.check(near)
    rows = [(a.id, dedup.signature(a.text), a.content_hash, a.id, None),
            (near.id, dedup.signature(near.text), near.content_hash, a.id, a.id)]
    second = dedup.Deduper().seed(rows)
    copy = _art(NEAR + " Meer volgt.")
    assert second.check(near) == (a.id, a.id)  # re-ingest: nothing changes
    assert second.check(copy)[1] == a.id


def test_dedup_apply_and_same_id_on_reingest():
    d = dedup.Deduper()
    a = d.apply(_art(EN))
    again = d.apply(_art(EN))
    assert dataclasses.astuple(a) == dataclasses.astuple(again)
    assert a.group == a.id and a.duplicate_of is None


def test_dedup_wrong_signature_size_is_rejected():
    d = dedup.Deduper(num_perm=128)
    with pytest.raises(ValueError, match="minhash_perm"):
        d.add("x", dedup.signature(EN, 64))


def test_dedup_minhash_estimates_true_jaccard():
    import random

    rng = random.Random(3)
    vocab = [f"woord{i}" for i in range(5000)]
    errors = []
    for _ in range(20):
        base = [rng.choice(vocab) for _ in range(400)]
        other = list(base)
        for j in rng.sample(range(400), 40):
            other[j] = rng.choice(vocab)
        sa = {tuple(base[i:i + 3]) for i in range(398)}
        sb = {tuple(other[i:i + 3]) for i in range(398)}
        true = len(sa & sb) / len(sa | sb)
        est = dedup.minhash(" ".join(base), 128).jaccard(dedup.minhash(" ".join(other), 128))
        errors.append(est - true)
    assert abs(sum(errors) / len(errors)) < 0.05
    assert max(abs(e) for e in errors) < 0.2


@pytest.mark.parametrize("text", [
    "de minister zei: 'we sturen 2 fregatten' (zo_n 300 militairen), d.w.z. meer!",
    "oekraïne en rusland – „gesprekken” in genève; ½ procent, ١٢٣ en 三つ",
    "", "   ", "___", "a-b_c,d"])
def test_dedup_split_words_gives_what_the_word_regex_gives(text):
    assert dedup.split_words(text) == dedup.WORD_RE.findall(text)


def test_dedup_band_keys_match_exactly_when_the_band_values_match():
    import numpy as np

    bands = dedup.Bands.for_threshold(0.3, 64)
    a = np.frombuffer(dedup.signature(ORIGINAL), "<u4").copy()
    b = a.copy()
    b[bands.r:] += 1  # same first band, every other band changed
    ka, kb = bands.keys(a.tobytes()), bands.keys(b.tobytes())
    assert len(ka) == bands.b and all(-2**63 <= k < 2**63 for k in ka)
    assert ka[0] == kb[0] and all(x != y for x, y in zip(ka[1:], kb[1:]))
    # the same values in another band make another key
    c = a.copy()
    c[bands.r:2 * bands.r] = a[:bands.r]
    assert bands.keys(c.tobytes())[1] != ka[0]
