"""Gather every piece of evidence about one figure into a FigureCase. All I/O happens here.

caption -> Credit; image -> ImageEvidence (cached by path); register -> SourceRecord; the original
file -> ImageEvidence + ModificationVerdict; remote source -> SourceRecord; then the licence is
resolved. Checks run afterwards on the finished FigureCase and never touch a file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from attrcheck import credits, media
from attrcheck import policy as policy_module
from attrcheck.articles import ArticleFile, resolve_image
from attrcheck.errors import MediaError, RemoteError
from attrcheck.model import (
    Credit,
    Figure,
    FigureCase,
    ImageEvidence,
    ImageRef,
    ModificationVerdict,
    Policy,
    SourceRecord,
)
from attrcheck.provenance.register import Register
from attrcheck.provenance.remote import OfflineMiss, RemoteClient
from attrcheck.resolve import resolve_licence


@dataclass
class EvidenceCache:
    """ImageEvidence and comparisons, keyed by file path, size and mtime, for one run."""

    images: dict[tuple[str, int, int], ImageEvidence] = field(default_factory=dict)
    verdicts: dict[tuple[str, str], ModificationVerdict | None] = field(default_factory=dict)

    def evidence(self, path: str) -> ImageEvidence:
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key not in self.images:
            self.images[key] = media.read_evidence(path)
        return self.images[key]


@dataclass
class Gatherer:
    policy: Policy
    registers: Sequence[Register]
    remote: RemoteClient | None
    cache: EvidenceCache = field(default_factory=EvidenceCache)

    def case(self, figure: Figure, file: ArticleFile) -> FigureCase:
        credit = credits.parse(figure.caption)
        ref = resolve_image(figure, file)
        with self._published_image(ref) as (image, missing, remote_error):
            register = self._register_record(ref, image)
            remote = self._remote_record(figure, credit, ref)
            original = self._original(register)
            modification = self._modification(original, image)
        if image is not None and ref.kind == "remote" and ref.url:
            image = replace(image, path=ref.url)  # the temporary download is gone now
        resolved = resolve_licence(credit, image, original, register, remote)
        return FigureCase(
            figure=figure,
            credit=credit,
            policy=self.policy,
            image_ref=ref,
            image=image,
            image_missing=missing,
            original=original,
            register=register,
            remote=remote,
            remote_error=remote_error,
            resolved=resolved,
            modification=modification,
            permission=policy_module.find_permission(self.policy, credit, figure.caption),
        )

    @contextlib.contextmanager
    def _published_image(
        self, ref: ImageRef
    ) -> Iterator[tuple[ImageEvidence | None, bool, str | None]]:
        if ref.kind == "local" and ref.path is not None:
            if not os.path.isfile(ref.path):
                yield None, True, None
                return
            yield self.cache.evidence(ref.path), False, None
            return
        if ref.kind == "remote" and ref.url is not None and self.remote is not None:
            with contextlib.ExitStack() as downloads:
                path: Path | None = None
                error: str | None = None
                try:
                    path = downloads.enter_context(self.remote.fetch_image(ref.url))
                except OfflineMiss:  # --offline and not cached: not examined, nothing failed
                    pass
                except RemoteError as failure:  # AC902 names the URL already
                    error = str(failure).removeprefix(f"{ref.url}: ")
                evidence = media.read_evidence(path) if path is not None else None
                yield evidence, False, error  # the download is deleted after the caller's block
            return
        yield None, False, None

    def _register_record(self, ref: ImageRef, image: ImageEvidence | None) -> SourceRecord | None:
        sha = image.sha256 if image is not None else None
        for register in self.registers:
            record = register.lookup(ref.path, ref.url, sha)
            if record is not None:
                return record
        return None

    def _remote_record(self, figure: Figure, credit: Credit, ref: ImageRef) -> SourceRecord | None:
        if self.remote is None:
            return None
        urls = [url for url in (ref.url, figure.link, figure.credit_link) if url]
        urls.extend(link.url for link in credit.links)
        if not urls:
            return None
        try:
            return self.remote.lookup(urls)
        except RemoteError as error:
            return SourceRecord(origin="remote", note=f"lookup failed: {error}")

    def _original(self, register: SourceRecord | None) -> ImageEvidence | None:
        if register is None or register.original is None or register.original_missing:
            return None
        if not Path(register.original).is_file():
            return None
        return self.cache.evidence(register.original)

    def _modification(
        self, original: ImageEvidence | None, image: ImageEvidence | None
    ) -> ModificationVerdict | None:
        if image is None or not image.decodable:
            return None
        if original is not None and original.decodable:
            key = (original.path, image.path)
            if key not in self.cache.verdicts:
                self.cache.verdicts[key] = self._compare(original, image)
            verdict = self.cache.verdicts[key]
            if verdict is not None:
                return verdict
        return media.embedded_modification(image)

    @staticmethod
    def _compare(original: ImageEvidence, image: ImageEvidence) -> ModificationVerdict | None:
        try:
            return media.compare(original.path, image.path)
        except MediaError:
            return None
