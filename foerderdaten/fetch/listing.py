"""The PDF links of a listing page that match a source's pattern.

SAB lists its overviews in sentences like "Projekte, die im Rahmen des
Regionalbudgets 2018 bewilligt wurden, finden Sie hier (XLS, 85 kB)": the
link text alone ("hier") says nothing. So a link is matched against its
text, its title, its address and the text of the paragraph, list item or
table cell around it. A link counts as a PDF when its address contains
".pdf" or its text or surroundings say "PDF"; what it really is, is checked
after the download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin

# Elements whose text is the context of the links inside them.
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"}
PDF_WORD = re.compile(r"\bpdf\b", re.IGNORECASE)


@dataclass(frozen=True)
class PageLink:
    url: str  # absolute, without #fragment
    text: str  # the link text
    context: str  # text of the enclosing block, the link text included
    title: str = ""

    @property
    def looks_like_pdf(self) -> bool:
        return ".pdf" in unquote(self.url).lower() or bool(PDF_WORD.search(f"{self.text} {self.title} {self.context}"))

    def matches(self, pattern: re.Pattern) -> bool:
        return any(pattern.search(s) for s in (self.text, self.title, self.context, self.url, unquote(self.url)))


class _LinkCollector(HTMLParser):
    """Links with their text and the text of the innermost block around them."""

    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.blocks: list[list[str]] = [[]]  # text pieces of each open block, outermost first
        self.waiting: list[tuple[int, dict]] = []  # links whose block is still open: (block id, link)
        self.links: list[tuple[int, PageLink]] = []  # (position in the page, link)
        self._link: dict | None = None
        self._count = 0  # links seen so far, for page order

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "base" and attrs.get("href"):
            self.base = urljoin(self.base, attrs["href"])
        if tag in BLOCKS:
            self.blocks.append([])
        if tag == "a" and attrs.get("href"):
            url = urldefrag(urljoin(self.base, attrs["href"].strip()))[0]
            self._link = {"url": url, "text": [], "title": attrs.get("title") or "", "at": self._count}
            self._count += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.waiting.append((id(self.blocks[-1]), self._link))
            self._link = None
        if tag in BLOCKS and len(self.blocks) > 1:
            self._close_block()

    def handle_data(self, data):
        for block in self.blocks:
            block.append(data)
        if self._link is not None:
            self._link["text"].append(data)

    def close(self):
        super().close()
        while self.blocks:
            self._close_block()

    def _close_block(self):
        block = self.blocks.pop()
        context = " ".join("".join(block).split())
        done = [link for block_id, link in self.waiting if block_id == id(block)]
        self.waiting = [(b, link) for b, link in self.waiting if b != id(block)]
        for link in done:
            text = " ".join("".join(link["text"]).split())
            self.links.append((link["at"], PageLink(link["url"], text, context, link["title"])))


def page_links(html: str, base_url: str) -> list[PageLink]:
    """Every link of the page, in page order."""
    collector = _LinkCollector(base_url)
    collector.feed(html)
    collector.close()
    return [link for _, link in sorted(collector.links, key=lambda item: item[0])]


def matching_pdfs(html: str, base_url: str, pattern: re.Pattern) -> list[PageLink]:
    """The PDF links that match ``pattern``, each address once, in page order."""
    seen: set[str] = set()
    found = []
    for link in page_links(html, base_url):
        if link.looks_like_pdf and link.matches(pattern) and link.url not in seen:
            seen.add(link.url)
            found.append(link)
    return found
