"""The one-call Python API: ``signaal.extract(text, date=..., lang=...)`` (issue 2)."""

import signaal
from signaal.extract.pipeline import EXTRACTOR


def test_extract_api_is_callable_on_the_package():
    s = signaal.extract("Volgens de VS heeft Rusland zo'n 130.000 militairen verzameld.", date="2022-02", lang="nl")
    assert [(q.value, q.unit, q.claimed_by) for q in s.quantities] == [(130000, "troops", "United States")]
    assert [(c.source_actor, c.polarity) for c in s.claims] == [("USA", "asserted")]
    assert s.extractor == EXTRACTOR


def test_extract_api_submodules_still_import():
    from signaal.extract import claims, quantities

    assert callable(claims.extract) and callable(quantities.scan)
