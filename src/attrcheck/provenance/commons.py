"""Wikimedia Commons: recognise file URLs and turn an `imageinfo` answer into a SourceRecord.

Recognised: file pages on Commons and the Wikipedias (`/wiki/File:…`, `index.php?title=File:…`,
`#/media/File:…`, `Special:FilePath/…`, localised file namespaces such as `Datei:`), and
upload.wikimedia.org URLs of Commons files (originals, `thumb/`, `archive/`, `transcoded/`).

Asked: `action=query&prop=imageinfo&iiprop=extmetadata|url&titles=File:…&redirects=1`.
The answer's `normalized` and `redirects` lists are followed to the page; a `missing` or
`invalid` page, or an `error` answer, is a RemoteError. extmetadata fields used (HTML turned
into text): Artist ("Unknown author" and the like give no creator), ObjectName,
LicenseShortName (else UsageTerms), LicenseUrl (a Creative Commons URL gets its trailing slash
back), AttributionRequired; Credit, Restrictions and Attribution go to the note.
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.element import NavigableString, Tag

from attrcheck.errors import RemoteError
from attrcheck.model import SourceRecord

COMMONS_WIKI = "https://commons.wikimedia.org/wiki/"
UPLOAD_HOST = "upload.wikimedia.org"
# The file namespace and its common localised names (MediaWiki accepts "Image:" everywhere).
FILE_NAMESPACES = frozenset(
    {
        "file", "image", "datei", "bild", "fichier", "archivo", "imagen", "bestand", "plik",
        "immagine", "arquivo", "imagem", "fil", "tiedosto", "soubor", "fitxer", "dosya", "kép",
        "fișier", "файл", "изображение", "ファイル", "画像", "文件", "파일", "קובץ", "ملف",
        "αρχείο", "billede", "berkas", "tập tin",
    }
)  # fmt: skip
UPLOAD_VARIANTS = frozenset({"thumb", "archive", "transcoded"})
ILLEGAL_TITLE_CHARACTERS = frozenset("#<>[]|{}\x7f") | {chr(n) for n in range(32)}
HEX = frozenset("0123456789abcdef")
# Artist values of Commons' {{Unknown|author}} and {{Anonymous}} templates (any language shown).
UNKNOWN_AUTHOR_WORDS = frozenset(
    {"unknown", "anonymous", "author", "authors", "artist", "photographer", "unidentified"}
)


# --------------------------------------------------------------------------- URLs


def commons_title(url: str, wiki_hosts: Collection[str] = ()) -> str | None:
    """The `File:` title a Commons or Wikipedia URL refers to, or None.

    `wiki_hosts` adds hosts whose `/wiki/` paths are treated like Commons (a configured mirror).
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", ""):
        return None
    if host == UPLOAD_HOST:
        return _title_from_upload_path(parts.path)
    if not _is_wiki_host(host, wiki_hosts):
        return None
    for candidate in _page_titles(parts.path, parts.query, parts.fragment):
        title = _file_title(candidate)
        if title is not None:
            return title
    return None


def is_file_page(url: str) -> bool:
    """True for a file description page a reader can open (not an upload URL, nor
    `Special:FilePath`, which answers with the image itself). Call on recognised URLs only."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if (parts.hostname or "").lower() == UPLOAD_HOST:
        return False
    return "special:" not in unquote(f"{parts.path}?{parts.query}#{parts.fragment}").lower()


def _is_wiki_host(host: str, extra: Collection[str]) -> bool:
    return (
        host in ("commons.wikimedia.org", "commons.m.wikimedia.org")
        or host == "wikipedia.org"
        or host.endswith(".wikipedia.org")
        or host in {h.lower() for h in extra}
    )


def _page_titles(path: str, query: str, fragment: str) -> list[str]:
    """Page titles a wiki URL may name, most specific first (the media viewer fragment)."""
    titles = []
    if fragment.startswith("/media/"):
        titles.append(unquote(fragment[len("/media/") :]))
    if path.startswith("/wiki/"):
        titles.append(unquote(path[len("/wiki/") :]))
    titles.extend(parse_qs(query).get("title", []))
    return titles


def _as_file_title(name: str) -> str | None:
    """`File:<name>`, or None when the name cannot be a MediaWiki title (e.g. has `|`, which
    would ask about several files at once)."""
    name = name.strip()
    if not name or "/" in name or ILLEGAL_TITLE_CHARACTERS & set(name):
        return None
    return f"File:{name}"


def _file_title(title: str) -> str | None:
    namespace, colon, rest = title.partition(":")
    if not colon:
        return None
    if namespace.strip().lower() == "special":
        return _special_file_title(rest)
    if namespace.strip().lower() in FILE_NAMESPACES:
        return _as_file_title(rest.strip().strip("/"))
    return None


def _special_file_title(rest: str) -> str | None:
    page, _, target = rest.partition("/")
    page = page.lower()
    if page == "filepath":
        return _as_file_title(target)
    if page == "redirect" and target.lower().startswith("file/"):
        return _as_file_title(target[5:])
    return None


def _title_from_upload_path(path: str) -> str | None:
    segments = [unquote(s) for s in path.split("/") if s]
    if segments[:2] != ["wikipedia", "commons"]:
        return None
    rest = segments[2:]
    variant = rest[0] if rest and rest[0] in UPLOAD_VARIANTS else None
    if variant:
        rest = rest[1:]
    if len(rest) < 3 or not _hash_dirs(rest[0], rest[1]):
        return None
    name = rest[2]
    if variant == "archive":
        name = name.partition("!")[2]
    return _as_file_title(name)


def _hash_dirs(first: str, second: str) -> bool:
    return len(first) == 1 and len(second) == 2 and second.startswith(first) and set(second) <= HEX


# --------------------------------------------------------------------------- the API


def commons_params(title: str) -> dict[str, str]:
    return {
        "action": "query",
        "format": "json",
        "prop": "imageinfo",
        "iiprop": "extmetadata|url",
        "titles": title,
        "redirects": "1",
    }


def record_from_answer(data: Any, title: str, url: str) -> SourceRecord:
    """A SourceRecord from a Commons imageinfo answer for `title` (asked because of `url`)."""
    if not isinstance(data, Mapping):
        raise RemoteError(f"Commons: unexpected answer for {title}")
    error = data.get("error")
    if isinstance(error, Mapping):
        raise RemoteError(f"Commons: {error.get('code', 'error')}: {error.get('info', '')}".strip())
    query = data.get("query")
    if not isinstance(query, Mapping):
        raise RemoteError(f"Commons: unexpected answer for {title} (no query)")
    resolved = _follow_renames(title, query)
    page = _find_page(query.get("pages"), resolved)
    if page is None:
        raise RemoteError(f"Commons: no page for {resolved} in the answer")
    info = _imageinfo(page, resolved)
    meta = info.get("extmetadata")
    meta = meta if isinstance(meta, Mapping) else {}
    page_title = str(page.get("title") or resolved)
    return SourceRecord(
        origin="remote",
        service="commons",
        match=url,
        creator=_creator(meta),
        title=_meta_text(meta, "ObjectName"),
        source=_text(info.get("descriptionurl")) or _file_page(page_title),
        licence=_meta_text(meta, "LicenseShortName") or _meta_text(meta, "UsageTerms"),
        licence_url=normalise_licence_url(_meta_text(meta, "LicenseUrl")),
        attribution_required=_meta_bool(meta, "AttributionRequired"),
        note=_note(meta),
    )


def _follow_renames(title: str, query: Mapping[str, Any]) -> str:
    """Apply the answer's `normalized` then `redirects` lists to the title asked for."""
    current = title
    for key in ("normalized", "redirects"):
        renames = query.get(key)
        if not isinstance(renames, list):
            continue
        for _ in range(len(renames)):
            target = next(
                (
                    str(item.get("to"))
                    for item in renames
                    if isinstance(item, Mapping) and item.get("from") == current and item.get("to")
                ),
                None,
            )
            if target is None or target == current:
                break
            current = target
    return current


def _find_page(pages: Any, title: str) -> Mapping[str, Any] | None:
    if isinstance(pages, Mapping):  # formatversion 1: {"pageid" or "-1": page}
        pages = list(pages.values())
    if not isinstance(pages, list):
        return None
    candidates = [page for page in pages if isinstance(page, Mapping)]
    for page in candidates:
        if page.get("title") == title:
            return page
    return candidates[0] if len(candidates) == 1 else None


def _imageinfo(page: Mapping[str, Any], title: str) -> Mapping[str, Any]:
    infos = page.get("imageinfo")
    if isinstance(infos, list) and infos and isinstance(infos[0], Mapping):
        return infos[0]
    if "invalid" in page:
        reason = page.get("invalidreason") or "invalid title"
        raise RemoteError(f"Commons: {title}: {reason}")
    if "missing" in page and page.get("missing") is not False:
        raise RemoteError(f"Commons: {title} does not exist (missing page)")
    raise RemoteError(f"Commons: {title} has no file information")


def _file_page(title: str) -> str:
    return COMMONS_WIKI + quote(title.replace(" ", "_"), safe=":/(),!*'")


def _meta_value(meta: Mapping[str, Any], key: str) -> Any:
    entry = meta.get(key)
    return entry.get("value") if isinstance(entry, Mapping) else None


def _meta_text(meta: Mapping[str, Any], key: str) -> str | None:
    return _text(_meta_value(meta, key))


def _text(value: Any) -> str | None:
    """Plain text of an extmetadata value: HTML to text; a language map picks English."""
    if isinstance(value, Mapping):
        value = value.get("en", value.get("_default", next(iter(value.values()), None)))
    if isinstance(value, bool) or value is None:
        return None
    text = html_to_text(str(value))
    return text or None


def _creator(meta: Mapping[str, Any]) -> str | None:
    """The Artist as text; None for Commons' placeholders ("Unknown author", "Anonymous"),
    which name nobody a caption could credit."""
    markup = _meta_value(meta, "Artist")
    if isinstance(markup, str) and "<" in markup:
        linked = linked_name_from_place(markup)
        if linked is not None:
            return linked
    artist = _meta_text(meta, "Artist")
    return None if artist is None or _is_unknown_author(artist) else artist


def linked_name_from_place(markup: str) -> str | None:
    """The name in Flickr-transferred files' Artist, `<a href=…>Name</a> from Place, Country`
    (the place is not part of the creator's name); None for any other shape."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    nodes = [
        node
        for node in soup.contents
        if not (isinstance(node, NavigableString) and not node.strip())
    ]
    if len(nodes) != 2:
        return None
    link, rest = nodes
    if not (isinstance(link, Tag) and link.name == "a" and isinstance(rest, NavigableString)):
        return None
    if not rest.strip().startswith("from "):
        return None
    return " ".join(link.get_text().split()) or None


def _is_unknown_author(text: str) -> bool:
    words = {word.strip(".,;:()").lower() for word in text.split()} - {""}
    return bool(words) and words <= UNKNOWN_AUTHOR_WORDS and bool(words - {"author", "artist"})


def _meta_bool(meta: Mapping[str, Any], key: str) -> bool | None:
    value = _meta_value(meta, key)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    return None


def _note(meta: Mapping[str, Any]) -> str | None:
    parts = []
    artist = _meta_text(meta, "Artist")
    if artist is not None and _is_unknown_author(artist):
        parts.append(f"author unknown on Commons ({artist})")
    credit = _meta_text(meta, "Credit")
    if credit and credit.lower() != "own work":
        parts.append(f"credit on Commons: {credit}")
    attribution = _meta_text(meta, "Attribution")
    if attribution:
        parts.append(f"attribution asked for: {attribution}")
    restrictions = _meta_text(meta, "Restrictions")
    if restrictions:
        parts.append("restrictions: " + ", ".join(r for r in restrictions.split("|") if r))
    if _meta_bool(meta, "NonFree"):
        parts.append("marked non-free on Commons")
    return "; ".join(parts) or None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed (hidden elements dropped)."""
    if "<" not in markup and "&" not in markup:
        return " ".join(markup.split())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(style=True):
        style = str(element.get("style", "")).replace(" ", "").lower()
        if "display:none" in style:
            element.decompose()
    for element in soup.find_all("br"):
        element.replace_with(" ")
    return " ".join(soup.get_text().split())


def normalise_licence_url(url: str | None) -> str | None:
    """Commons gives Creative Commons URLs without their trailing slash; put it back."""
    if not url:
        return None
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if (parts.hostname or "").lower() != "creativecommons.org" or parts.path.endswith("/"):
        return url
    last = parts.path.rsplit("/", 1)[-1]
    if "." in last and not last.replace(".", "").isdigit():  # deed.en, legalcode.fr
        return url
    if last.startswith(("legalcode", "deed")):
        return url
    return parts._replace(path=parts.path + "/").geturl()
