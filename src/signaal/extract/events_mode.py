"""The mode of an event: its clause's modality words, conditions, dates, and the embedding claim.

``local_mode`` finds the strongest modality word near a trigger (``lexicon/<lang>/modality.tsv``);
``combine_mode`` weighs it against the stance of the claim the event sits in; the clause helpers
tell a condition ("als Rusland binnenvalt, ..."), its consequence, and a sentence dated after
the article (a present tense that is a plan).
"""

from __future__ import annotations

from typing import Collection, Optional, Sequence

from ..records import Article, Claim, TimeExpression
from .events_actors import Sentence, code
from .events_lex import any_phrase, clause_bounds, context, match_at, modality, words

WINDOW_BEFORE, WINDOW_AFTER = 8, 3  # modality words count this near the trigger
MODE_PRIORITY = ("hypothetical", "demanded", "denied", "expected")

POLARITY_TO_MODE = {"denied": "denied", "expected": "expected", "demanded": "demanded",
                    "hoped": "expected"}


def local_mode(toks: Sequence, i: int, end: int, lang: str, after: bool = True) -> Optional[str]:
    """The strongest modality word near the trigger inside its clause (before it only, when not
    ``after``)."""
    lo, _ = clause_bounds(toks, i, lang)
    lo = max(lo, i - WINDOW_BEFORE)
    hi = min(len(toks), end + WINDOW_AFTER) if after else end
    at: dict[str, list[int]] = {}  # mode -> where its words stand
    # "none" rows cover words that only look modal ("moet nog zien of" is no demand)
    blocked = {k for parts, mode in modality(lang) if mode == "none" for n in range(lo, hi)
               for k in range(n, match_at(toks, n, parts) or n)}
    for parts, mode in modality(lang):
        for n in range(lo, hi):
            if i <= n < end or n in blocked or mode == "none":
                continue
            m_end = match_at(toks, n, parts)
            if m_end is None or (n < i < m_end) or (n < end and m_end > end):
                continue
            if mode == "expected" and _reportative(toks, n) or mode == "hypothetical" and _as_phrase(toks, n, lang):
                continue
            at.setdefault(mode, []).append(n)
    if "demanded" in at and "hypothetical" in at and min(at["demanded"]) < i <= end <= min(at["hypothetical"]):
        del at["hypothetical"]  # "moet zijn troepen terugtrekken als ...": a demand on a condition
    return next((m for m in MODE_PRIORITY if m in at), None)


def combine_mode(local: Optional[str], claim: Optional[Claim]) -> str:
    """Combine the clause's own modality with the embedding claim's stance.

    A condition always wins; a denial or demand by the speaker outranks a plain future inside
    it ("ontkent dat Rusland zal aanvallen" is a denied attack).
    """
    from_claim = POLARITY_TO_MODE.get(claim.polarity) if claim else None
    if local == "hypothetical":
        return local
    if from_claim in ("denied", "demanded") and local in (None, "expected"):
        return from_claim
    return local or from_claim or "asserted"


def attribution_mode(sent: Sentence, claim: Optional[Claim]) -> Optional[str]:
    """The mode the claim's attribution before its content gives what it reports: a negated
    expectation denies it ("Analisten verwachten niet dat China een aanval voorbereidt"), not ruling
    it out makes it a possibility ("Hij sloot niet uit dat Rusland ... zal plaatsen"); rules
    ``attributed_<mode>``."""
    if claim is None or claim.content is None or not (sent.start <= claim.content.start_char < sent.end):
        return None
    # only the attribution before the content: a tail after it may hold another clause's words
    lo = sent.tok_at(claim.content.start_char)
    rules = context(sent.lang)
    return next((mode for mode in ("hypothetical", "denied")
                 if any_phrase(sent.toks, 0, lo, rules.get(f"attributed_{mode}", []))), None)


def _reportative(toks: Sequence, n: int) -> bool:
    """Dutch "zou ... hebben/zijn" reports hearsay about the past; it is no prediction."""
    return toks[n].lower_ in ("zou", "zouden") and any(
        t.lower_ in ("hebben", "zijn") for t in toks[n + 1:n + 6])


def in_condition(sent: Sentence, i: int) -> bool:
    """Whether token i sits in a condition clause ("als Rusland binnenvalt, ...")."""
    lo, _ = clause_bounds(sent.toks, i, sent.lang)
    return any(match_at(sent.toks, n, p) is not None and not _as_phrase(sent.toks, n, sent.lang)
               for n in range(lo, i) for p in context(sent.lang).get("condition", []))


def imagined(sent: Sentence, i: int) -> bool:
    """Whether an indefinite event noun stands in a clause with a conditional auxiliary ("dat een
    inval verschrikkelijk zou zijn"): the act is imagined."""
    if i == 0 or sent.toks[i - 1].lower_ not in words(sent.lang, "indefinite") and not (
            i > 1 and sent.toks[i - 2].lower_ in words(sent.lang, "indefinite") and sent.toks[i - 1].pos_ == "ADJ"):
        return False
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any_phrase(sent.toks, lo, hi, context(sent.lang).get("conditional_aux", []))


def _as_phrase(toks: Sequence, n: int, lang: str) -> bool:
    """Whether the condition word at n is "as" before a noun phrase ("als onafhankelijke staten")."""
    return toks[n].lower_ in words(lang, "condition") and n + 1 < len(toks) and toks[n + 1].pos_ in ("ADJ", "NOUN")


def condition_noun(sent: Sentence, i: int) -> bool:
    """Whether noun trigger i is a condition phrase of a future clause: after "bij een" ("de VS
    zullen bij een inval sancties opleggen"), or an indefinite act whose future consequence the
    clause names ("een inval zal leiden tot een harde reactie", "zware kosten zal hebben")."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    ctx = context(sent.lang)
    # the cheap tests near the word first: most words have neither phrase before them
    after_np = any(match_at(sent.toks, n, p) in (i, i - 1) for n in range(max(lo, i - 5), i)
                   for p in ctx.get("condition_np", []))
    indefinite = any(t.lower_ in words(sent.lang, "indefinite") for t in sent.toks[max(lo, i - 2):i])
    if not (after_np or indefinite) or not any_phrase(sent.toks, lo, hi, ctx.get("future_aux", [])):
        return False
    return after_np or any_phrase(sent.toks, i, hi, ctx.get("consequence", []))


def conditional_sentence(sent: Sentence, i: int, conditions: Collection[int] = ()) -> bool:
    """Whether another clause of the sentence is a condition (the trigger is its consequence), or
    its own clause holds another condition phrase (``conditions``: the sentence's tokens that
    ``condition_noun`` accepts, "bij een inval")."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any(t.lower_ in words(sent.lang, "condition") for n, t in enumerate(sent.toks)
               if not lo <= n < hi) or any(lo <= n < hi and n != i for n in conditions)


def future_dated(sent: Sentence, article: Article, time_expressions: Sequence[TimeExpression]) -> bool:
    """Whether the sentence is dated after the article ("morgen reist ...", a later weekday)."""
    words_ = {" ".join(p) for p in context(sent.lang).get("future_time", [])}
    pub = article.published
    last_day = pub.end.strftime("%Y-%m-%d") if pub and pub.precision in ("day", "time") else None
    for tx in time_expressions:
        if not sent.start <= tx.evidence.start_char < sent.end:
            continue
        if tx.text.lower() in words_ or (last_day and tx.start and tx.start[:10] > last_day):
            return True
    return False


def past_clause(sent: Sentence, i: int) -> bool:
    """Whether the trigger's clause has a past-tense verb or a participle (then a date is no plan)."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any("Tense=Past" in str(t.morph) or "VerbForm=Part" in str(t.morph) for t in sent.toks[lo:hi])


def target_in_condition(sent: Sentence, i: int, target: Optional[str]) -> bool:
    """Whether ``target`` is named in a condition clause of the sentence other than token i's."""
    if target is None:
        return False
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any(code(m) == target and not lo <= sent.tok_at(m.evidence.start_char) < hi
               and in_condition(sent, sent.tok_at(m.evidence.start_char)) for m in sent.actors)


def cancelled(sent: Sentence, i: int, end: int, etype: str) -> bool:
    """Whether the noun trigger's clause says it is called off ("de ontmoeting is afgezegd") or,
    for what is no meeting, that it failed ("het staakt-het-vuren is mislukt": talks that
    failed did take place)."""
    _, hi = clause_bounds(sent.toks, i, sent.lang)
    rules = context(sent.lang).get("cancelled", []) + (
        [] if etype == "CONSULT" else context(sent.lang).get("failed", []))
    return any_phrase(sent.toks, end, hi, rules)
