"""Find every licence reference in a text: short codes, titles (English and localised), URLs.

How it works, and why it is fast:

1. A cheap prefilter: most captions mention no licence and return at once. A reference needs
   a version ("4.0", "v3", "version 3"), a licence URL host, or a phrase that stands alone
   without a version (an *opener*: "CC", "Creative Commons", "Attribution-ShareAlike", "public
   domain", "Namensnennung - Weitergabe unter gleichen Bedingungen", another licence's name).
   An opener needs its first word (the index's "starts"; in ASCII text one regex finds them)
   and a next word that continues it (a binary search over the opener keys), so common words
   that begin some opener ("in", "all", "free", "work", "no") do not let a caption through.
2. URLs are found with one regex, resolved through the normalised URL table, and blanked out
   of the text so that their path words are not read twice.
3. The rest is split into word tokens (`tokens.TOKEN_RE`). A *phrase* is a run of tokens whose
   concatenated key (separators dropped, case folded) is in the phrase table built from the
   data (`licences/index.json`), so "Attribution - Non Commercial", "attribution-noncommercial"
   and "Attribution NonCommercial" are one phrase. The table is walked with a binary search
   over its sorted keys, one token at a time, stopping as soon as no key has that prefix.
4. A small grammar over phrases: [prefix "CC"/"Creative Commons"] [version] unit [version]
   [port] [suffix "License"], or another licence's name [version]. Each phrase has roles:
   p (prefix), u (unit spec + how much context it needs), j (port), o (other licence),
   s (suffix), v (version word), t (a whole title pinned to one tool: the data's exceptions).

A unit phrase is [spec, need, flags]. Its "need": 0 = stands alone ("Attribution-ShareAlike"),
1 = needs a version or the CC prefix ("Attribution 4.0", localised titles, "BY-SA 4.0"), 2 =
needs the CC prefix ("CC BY"; "by" alone is ordinary prose). Flags: GLUED (the phrase contains
"CC", as in "CCBYSA"), LOCALISED (from titles-i18n; a reading of one with a version its unit
never had is dropped, as it is more likely part of a title we do not know).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cached_property
from typing import Any

from attrcheck.licences.resolver import Resolver, Verdict
from attrcheck.licences.tokens import TOKEN_RE, normalise_version, token_key
from attrcheck.licences.urls import URL_RE, normalise_url, trim_url
from attrcheck.model import LicenceMatch

# The prefilter (see the module docstring): a version-like number or a version word before a
# number (every gap `Recogniser._version` accepts: "v3", "v. 3", "version 3", "Ver: 3")...
VERSION_HINT_RE = re.compile(  # \d[.,]\d|v(?:er(?:sion)?)?[.:]? ?\d, first character first (faster)
    r"[\dv](?:(?<=\d)[.,]\d|(?<=[v])(?:er(?:sion)?)?[.:]? ?\d)", re.IGNORECASE
)
# TOKEN_RE for lower-cased ASCII text: the same tokens (Unicode classes make TOKEN_RE slower).
ASCII_TOKEN_RE = re.compile(r"(?:[a-z]\.){2,}|[0-9]+(?:\.[0-9]+)?|[a-z]+\+?")
# ... a licence URL host, or an opener (a phrase with one of these roles, see `opens_alone`).
URL_HINTS = (
    "creativecommons.", "nationalarchives.gov.uk", "unsplash.com", "pexels.com", "pixabay.com",
    "gnu.org", "artlibre.org", "flickr.com/commons",
)  # fmt: skip
RESOLVER_HOSTS = ("creativecommons.org", "nationalarchives.gov.uk")  # Resolver.resolve_url
MAX_PHRASE_TOKENS = 16
MIN_INFLECTED = 6  # a unit phrase's last word may carry a 1-2 letter ending if this long
GLUED, LOCALISED = 1, 2  # unit phrase flags: contains "CC" ("CCBYSA"); a localised title
MAX_GAP = 6
GAP_BREAKS = frozenset(".;|\n\r")
CODE_FOLLOWERS = frozenset(",.;:)]/")
VERSION_GAPS = frozenset(("", " ", ".", ". ", ": "))  # "v3", "version 3", "v.3.0"
BARE_CC_REASON = "a Creative Commons licence without its elements (which one?)"
GENERIC_PUBLIC_DOMAIN = "LicenseRef-Public-Domain"
PUBLIC_DOMAIN_FAMILIES = frozenset(("public-domain", "CC0", "PDM", "CC-PDDC"))
BRACKET_PAIRS = {"(": ")", "[": "]", "（": "）"}
OPENING_BRACKETS = frozenset(BRACKET_PAIRS)
CLOSING_BRACKETS = frozenset(BRACKET_PAIRS.values())
NEIGHBOUR_GAP = " \t(),;:-–—/|"  # not "[]": "[CC BY](url)" stays two references
Phrase = dict[str, Any]
Reading = tuple[Verdict, int]  # what a run of tokens from a given one means, and where it ends


class Tokens:
    """The word tokens of one text, with their offsets."""

    __slots__ = ("ends", "joined", "keys", "n", "starts", "text", "walks")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():  # lower-cased, the same tokens at the same places: one pass
            found = list(ASCII_TOKEN_RE.finditer(text.lower()))
            keys = [match.group() for match in found]
        else:
            found = list(TOKEN_RE.finditer(text))
            keys = [match.group().casefold() for match in found]  # token_key, inlined
        self.starts = [match.start() for match in found]
        self.ends = [match.end() for match in found]
        if "." in text:
            keys = [
                key.replace(".", "") if "." in key and not key[0].isdigit() else key for key in keys
            ]
        self.keys = keys
        self.n = len(found)
        self.walks: dict[int, list[tuple[Phrase, int]]] = {}  # Recogniser._walk, per token
        self.joined: list[bool | None] = [None] * self.n  # gap_ok, per token, when first asked

    def gap_ok(self, k: int) -> bool:
        """Token k continues the phrase that ends at token k-1."""
        if k <= 0 or k >= self.n:
            return k < self.n
        joined = self.joined[k]
        if joined is None:
            gap = self.text[self.ends[k - 1] : self.starts[k]]
            joined = self.joined[k] = len(gap) <= MAX_GAP and not GAP_BREAKS.intersection(gap)
        return joined

    def code_ok(self, k: int) -> bool:
        """A 2-letter port code is meant as one: upper case, joined (-DE, /de) or at the end."""
        if self.text[self.starts[k] : self.ends[k]].isupper():
            return True
        before = self.text[self.ends[k - 1] : self.starts[k]] if k > 0 else ""
        if "-" in before or "/" in before or "(" in before:
            return True
        after = self.text[self.ends[k] : self.starts[k + 1]] if k + 1 < self.n else "."
        return bool(CODE_FOLLOWERS.intersection(after)) or (not after.strip() and k + 1 >= self.n)


class Recogniser:
    """identify() over the phrase table, the URL table and the resolver of one LicenceDB."""

    def __init__(
        self,
        phrases: Mapping[str, Phrase],
        url_ids: Mapping[str, str],
        resolver: Resolver,
        pinned: Callable[[str], Verdict],
        starts: Iterable[str],
    ) -> None:
        self._phrases = phrases
        self._starts = frozenset(starts)
        self._keys: Sequence[str] = sorted(phrases)
        self._heads = frozenset(key[:size] for key in self._keys for size in (1, 2, 3))
        self._url_ids = url_ids
        self._resolver = resolver
        self._pinned = pinned

    # ----------------------------------------------------------------------- entry point

    def identify(self, text: str) -> list[LicenceMatch]:
        if not text or not self.may_hold_a_reference(text):
            return []
        matches: list[LicenceMatch] = []
        masked = text
        if "/" in text or "www." in text.lower():
            masked = self._take_urls(text, matches)
        tokens = Tokens(masked)
        keys, heads = tokens.keys, self._heads
        i = 0
        while i < tokens.n:
            if keys[i][:3] not in heads:
                i += 1  # no phrase starts like this word (most words of a caption)
                continue
            found = self._parse_at(tokens, i)
            if found is None:
                i += 1
                continue
            verdict, end = found
            matches.append(_match(verdict, masked, (tokens.starts[i], tokens.ends[end - 1])))
            i = end
        matches.sort(key=lambda m: m.span)
        if len(matches) > 1:
            matches = tidy(matches, text)
        if OPENING_BRACKETS.intersection(text):
            matches = [with_closing_brackets(match, text) for match in matches]
        return matches

    def may_hold_a_reference(self, text: str) -> bool:
        if VERSION_HINT_RE.search(text):
            return True
        folded = text.casefold()
        if "." in folded and any(host in folded for host in URL_HINTS):
            return True
        if not text.isascii() or not self._starts_are_words:  # "İ", "ß": folding changes them
            return self._opener_among([token_key(word) for word in TOKEN_RE.findall(text)])
        for start in self._ascii_start_re.finditer(folded):
            key = start.group()
            if key[-1] == ".":  # a dotted abbreviation: read every word ("U.S." is "us")
                words = ASCII_TOKEN_RE.findall(folded)
                return self._opener_among(
                    [token_key(word) if "." in word else word for word in words]
                )
            following = ASCII_TOKEN_RE.search(folded, start.end())
            word = following.group() if following is not None else ""
            if self._opener_starts_with(key, token_key(word) if "." in word else word):
                return True
        return False

    def _opener_among(self, keys: Sequence[str]) -> bool:
        """Whether an opener may begin at one of these word keys (a text's, in order)."""
        starts = self._starts
        for index, key in enumerate(keys):
            following = keys[index + 1] if index + 1 < len(keys) else ""
            if key in starts and self._opener_starts_with(key, following):
                return True
        return False

    @cached_property
    def _ascii_start_re(self) -> re.Pattern[str]:
        """Any ASCII start word as a whole word of a case-folded text (a maximal run of letters,
        so a word of the text), or first a dotted abbreviation ("u.s.", whose key "us" this
        cannot see; at the same place it wins, so "e.g." is never read as the word "e")."""
        words = trie_pattern(word for word in self._starts if word.isascii())
        return re.compile(rf"(?:[a-z]\.){{2}}|(?<![a-z])(?:{words})(?:(?<=\+)|(?![a-z+]))")

    @cached_property
    def _starts_are_words(self) -> bool:
        """Every ASCII start word is letters (and a final "+"), as `_ascii_start_re` assumes."""
        return all(re.fullmatch(r"[a-z]+\+?", word) for word in self._starts if word.isascii())

    def _opener_starts_with(self, key: str, following: str) -> bool:
        """Whether an opener may begin with the word `key` followed by the word `following`
        ("" at the end of the text).

        The walk extends a phrase one word at a time, and only a phrase's last word may carry
        an ending (`_inflected`): an opener of one word is `key` itself; a longer one starts
        with `key` + the next word, or with `key` + the next word less its last two letters.
        Gaps between the words are not looked at (the walk does), so this never says no to a
        text that holds a reference."""
        if key in self._opener_keys:
            return True
        if not following:
            return False
        if len(following) >= MIN_INFLECTED:
            following = following[:-2]
        prefix = key + following
        openers = self._opener_list
        pos = bisect_left(openers, prefix)
        return pos < len(openers) and openers[pos].startswith(prefix)

    @cached_property
    def _licence_hosts(self) -> tuple[str, ...]:
        """The hosts of every licence URL (the URL table's and those the resolver reads)."""
        hosts = {key.partition("/")[0] for key in self._url_ids}
        return tuple(sorted(hosts | set(RESOLVER_HOSTS)))

    @cached_property
    def _opener_list(self) -> list[str]:
        """The keys of every opener, sorted (built on first use: loading stays fast)."""
        return [key for key in self._keys if opens_alone(self._phrases[key])]

    @cached_property
    def _opener_keys(self) -> frozenset[str]:
        return frozenset(self._opener_list)

    def _take_urls(self, text: str, matches: list[LicenceMatch]) -> str:
        pieces: list[str] = []
        last = 0
        for found in URL_RE.finditer(text):
            url = trim_url(found.group())
            start, end = found.start(), found.start() + len(url)
            pieces += [text[last:start], " " * (end - start)]
            last = end
            verdict = self.verdict_for_url(url)
            if verdict is not None:
                matches.append(_match(verdict, text, (start, end), url=url))
        pieces.append(text[last:])
        return "".join(pieces)

    def verdict_for_url(self, url: str) -> Verdict | None:
        lowered = url.lower()
        if not any(host in lowered for host in self._licence_hosts):
            return None  # a photo page, an article: most URLs in a caption
        known = self._url_ids.get(normalise_url(url))
        if known is not None:
            return self._pinned(known)
        return self._resolver.resolve_url(url)

    # ----------------------------------------------------------------------- phrase table

    def _walk(self, tokens: Tokens, i: int) -> list[tuple[Phrase, int]]:
        """Every phrase starting at token i, shortest first, as (roles, index after it).

        The grammar asks for the phrases at one token many times (each reading of the phrase
        before it tries a version, a port and a suffix there): each token is walked once."""
        found = tokens.walks.get(i)
        if found is None:
            found = tokens.walks[i] = self._walk_once(tokens, i)
        return found

    def _walk_once(self, tokens: Tokens, i: int) -> list[tuple[Phrase, int]]:
        if tokens.keys[i][:3] not in self._heads:
            return []  # no key starts like this word (most words of a caption)
        found: list[tuple[Phrase, int]] = []
        keys, words, size = self._keys, tokens.keys, len(self._keys)
        key, pos = "", 0
        for k in range(i, min(tokens.n, i + MAX_PHRASE_TOKENS)):
            if k > i and not (tokens.joined[k] or tokens.gap_ok(k)):  # (gap_ok remembers)
                break
            word = words[k]
            key += word
            pos = bisect_left(keys, key, pos)  # a longer key sorts after the shorter one
            if pos == size or not keys[pos].startswith(key):
                if k > i and len(word) >= MIN_INFLECTED:
                    found += self._inflected(key, k + 1)
                break
            if keys[pos] == key:
                found.append((self._phrases[key], k + 1))
        return found

    def _inflected(self, key: str, end: int) -> list[tuple[Phrase, int]]:
        """A unit phrase whose last word carries an ending ("Keine Bearbeitungen")."""
        for cut in (1, 2):
            roles = self._phrases.get(key[:-cut])
            if roles is not None and "u" in roles:
                return [(roles, end)]
        return []

    def _longest(self, tokens: Tokens, i: int, role: str) -> tuple[Any, int] | None:
        if i >= tokens.n or (i > 0 and not tokens.gap_ok(i)):
            return None
        for roles, j in reversed(self._walk(tokens, i)):
            if role in roles:
                return roles[role], j
        return None

    # ----------------------------------------------------------------------- grammar

    def _parse_at(self, tokens: Tokens, i: int) -> Reading | None:
        """The longest reference starting at token i ("CC NC-Sampling+ 1.0" beats "CC NC")."""
        best: Reading | None = None
        for roles, j in reversed(self._walk(tokens, i)):
            for result in self._readings(tokens, i, j, roles):
                if result is not None and (best is None or result[1] > best[1]):
                    best = result
        return best

    def _readings(self, tokens: Tokens, i: int, j: int, roles: Phrase) -> Iterator[Reading | None]:
        if "t" in roles:  # a whole title of one tool (first: wins a tie)
            yield self._match(tokens, i, self._suffix(tokens, j), self._pinned(roles["t"]))
        if "u" in roles:
            spec, need, *flags = roles["u"]
            flag = flags[0] if flags else 0
            result = self._unit(tokens, i, j, spec, need, prefixed=bool(flag & GLUED), version=None)
            if result is not None and flag & LOCALISED and is_partial_reading(result[0]):
                result = None  # more likely part of a title we do not know than a wrong tool
            yield result
        if "p" in roles:
            yield self._after_prefix(tokens, i, j)
        if "o" in roles:
            yield self._other(tokens, i, j, *roles["o"])

    def _after_prefix(self, tokens: Tokens, i: int, j: int) -> Reading | None:
        version, k = self._version(tokens, j, allow_int=True)
        for start in (k, self._suffix(tokens, k)):
            for roles, end in reversed(self._walk_at(tokens, start)):
                if "u" in roles:
                    spec, need = roles["u"][:2]
                    result = self._unit(tokens, i, end, spec, need, prefixed=True, version=version)
                    if result is not None:
                        return result
        after = self._suffix(tokens, k)
        if after == k and version is None:
            return None  # "Creative Commons" alone is an organisation, not a licence reference
        verdict = Verdict(None, None, version, None, False, BARE_CC_REASON)
        return self._match(tokens, i, after, verdict)

    def _walk_at(self, tokens: Tokens, k: int) -> list[tuple[Phrase, int]]:
        if k >= tokens.n or not tokens.gap_ok(k):
            return []
        return self._walk(tokens, k)

    def _unit(
        self,
        tokens: Tokens,
        i: int,
        j: int,
        spec: str,
        need: int,
        *,
        prefixed: bool,
        version: str | None,
    ) -> Reading | None:
        if need == 2 and not prefixed:
            return None
        if version is None:
            version, j = self._version(tokens, j, allow_int=prefixed)
        if need == 1 and not prefixed and version is None:
            return None
        port, j = self._port(tokens, j)
        j = self._suffix(tokens, j)
        return self._match(tokens, i, j, self._resolver.resolve_cc(spec, version, port))

    def _other(self, tokens: Tokens, i: int, j: int, target: str, need: int) -> Reading | None:
        kind, _, value = target.partition(":")
        if kind == "id":
            return self._match(tokens, i, self._suffix(tokens, j), self._pinned(value))
        version, j = self._version(tokens, j, allow_int=True)
        if need and version is None:
            return None
        j = self._suffix(tokens, j)
        return self._match(tokens, i, j, self._resolver.resolve_family(value, version))

    def _version(self, tokens: Tokens, k: int, *, allow_int: bool) -> tuple[str | None, int]:
        if k >= tokens.n or not tokens.gap_ok(k):
            return None, k
        key = tokens.keys[k]
        word = self._phrases.get(key)
        if word is not None and "v" in word and k + 1 < tokens.n:
            gap = tokens.text[tokens.ends[k] : tokens.starts[k + 1]]
            version = normalise_version(tokens.keys[k + 1]) if gap in VERSION_GAPS else None
            return (version, k + 2) if version else (None, k)
        if not key[0].isdigit():
            return None, k  # neither a number nor a version word (most words)
        if self._decimal_comma(tokens, k):  # "CC BY-SA 2,5"
            version = normalise_version(f"{key}.{tokens.keys[k + 1]}")
            return (version, k + 2) if version else (None, k)
        version = normalise_version(key)
        if version is None or ("." not in key and not allow_int):
            return None, k
        return version, k + 1

    @staticmethod
    def _decimal_comma(tokens: Tokens, k: int) -> bool:
        if k + 1 >= tokens.n or not (tokens.keys[k].isdigit() and tokens.keys[k + 1].isdigit()):
            return False
        return tokens.text[tokens.ends[k] : tokens.starts[k + 1]] == ","

    def _port(self, tokens: Tokens, k: int) -> tuple[str | None, int]:
        """The port after a version: "2.0 UK", "2.0 (UK)", "2.0-de", "3.0 Deutschland"; not
        after a comma ("CC BY 4.0, US Army")."""
        if 0 < k < tokens.n and "," in tokens.text[tokens.ends[k - 1] : tokens.starts[k]]:
            return None, k
        found = self._longest(tokens, k, "j")
        if found is None:
            return None, k
        (code, is_code), j = found
        if is_code and not tokens.code_ok(k):
            return None, k
        return code or None, j

    def _suffix(self, tokens: Tokens, k: int) -> int:
        found = self._longest(tokens, k, "s")
        return found[1] if found else k

    @staticmethod
    def _match(tokens: Tokens, i: int, j: int, verdict: Verdict) -> Reading:
        """A reading of tokens i..j-1 (the LicenceMatch is made for the chosen one only)."""
        return verdict, j


def _match(
    verdict: Verdict, text: str, span: tuple[int, int], url: str | None = None
) -> LicenceMatch:
    return LicenceMatch(
        text=text[span[0] : span[1]],
        span=span,
        id=verdict.id,
        family=verdict.family,
        version=verdict.version,
        jurisdiction=verdict.jurisdiction,
        valid=verdict.valid,
        reason=verdict.reason,
        url=url,
    )


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, written as a trie so that a miss fails at once (Python's
    re tries the branches of a plain alternation one by one at every position)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_branch(trie)


def _trie_branch(node: dict[str, Any]) -> str:
    branches = [
        re.escape(char) + _trie_branch(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def opens_alone(roles: Phrase) -> bool:
    """Whether a phrase with these roles can begin a reference without a version after it: a
    prefix ("CC"), a whole title, any other licence's name, a unit that stands alone or has
    "CC" glued in ("ccbysa"). (The others need a version or a prefix before them.)"""
    if "p" in roles or "t" in roles or "o" in roles:
        return True
    unit = roles.get("u")
    if unit is None:
        return False
    flags = unit[2] if len(unit) > 2 else 0
    return bool(unit[1] == 0 or flags & GLUED)


def is_partial_reading(verdict: Verdict) -> bool:
    """A localised phrase read with a version its unit never had: "Некоммерческое использование
    4.0" inside the BY-NC title. (A port error, "Namensnennung 4.0 Deutschland", is kept.)"""
    return not verdict.valid and (verdict.reason or "").startswith("no version")


def tidy(matches: list[LicenceMatch], text: str) -> list[LicenceMatch]:
    """Merge a reference into a more precise (or identical) neighbour.

    Neighbours are separated only by brackets and punctuation. "Creative Commons Attribution 4.0
    (CC BY)" is one reference to CC BY 4.0, spanning the whole text; so are "Attribution 4.0
    International (CC BY 4.0)", "Creative Commons (CC BY 4.0)", "CC BY 4.0 <its deed URL>" (with
    `url` set) and "Public domain (CC0)" (CC0).
    """
    merged: list[LicenceMatch] = [matches[0]]
    for match in matches[1:]:
        last = merged[-1]
        if text[last.span[1] : match.span[0]].strip(NEIGHBOUR_GAP):
            merged.append(match)
        elif same_reference(last, match) or makes_redundant(last, match):
            merged[-1] = widen(last, match, text)
        elif makes_redundant(match, last):
            merged[-1] = widen(match, last, text)
        else:
            merged.append(match)
    return merged


def with_closing_brackets(match: LicenceMatch, text: str) -> LicenceMatch:
    """`match`, spanning the closing brackets of the brackets it opens: "Attribution 2.0 Generic
    (CC BY 2.0)", "CC BY-SA 2.0 (UK)", "CC BY 4.0 (<its deed URL>)" end after the ")"."""
    end = closing_brackets_end(text, match.span)
    if end == match.span[1]:
        return match
    span = (match.span[0], end)
    return replace(match, span=span, text=text[span[0] : end])


def closing_brackets_end(text: str, span: tuple[int, int]) -> int:
    """Where a span ends once the brackets opened inside it and closed right after it (spaces
    allowed before each closing bracket) are included; the span's own end when there are none."""
    start, end = span
    expected: list[str] = []
    for char in text[start:end]:
        if char in OPENING_BRACKETS:
            expected.append(BRACKET_PAIRS[char])
        elif char in CLOSING_BRACKETS and expected and expected[-1] == char:
            expected.pop()
    while expected:
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        if after == len(text) or text[after] != expected.pop():
            break
        end = after + 1
    return end


def same_reference(a: LicenceMatch, b: LicenceMatch) -> bool:
    return (a.id, a.family, a.valid, a.reason) == (b.id, b.family, b.valid, b.reason)


def widen(match: LicenceMatch, other: LicenceMatch, text: str) -> LicenceMatch:
    """`match`, spanning `other` too (and keeping a URL either gave)."""
    span = (min(match.span[0], other.span[0]), max(match.span[1], other.span[1]))
    return replace(match, span=span, text=text[span[0] : span[1]], url=match.url or other.url)


def makes_redundant(precise: LicenceMatch, other: LicenceMatch) -> bool:
    if other.reason == BARE_CC_REASON:
        return bool(precise.family) and precise.family != "OGL-UK"
    if other.id is None and other.valid and other.family:
        return precise.id is not None and precise.family == other.family
    if other.id == GENERIC_PUBLIC_DOMAIN:
        return precise.family in PUBLIC_DOMAIN_FAMILIES and precise.id not in (
            None,
            GENERIC_PUBLIC_DOMAIN,
        )
    return False
