"""Profile URLs and contact keys, per site.

A contact is identified by its profile on one site. The same person reached through
`http://linkedin.com/in/Jane-Doe-123?trk=x` and `https://www.linkedin.com/in/jane-doe-123/`
must land on one contact, so every URL is normalised before it is stored:

    linkedin   https://www.linkedin.com/in/<slug>/   key linkedin:<slug>
    x          https://x.com/<handle>                 key x:<handle>
    messenger  https://www.facebook.com/<name>        key messenger:<name>

Slugs, handles and names are lower-cased (the sites treat them case-insensitively).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .sites import SITES

MAX_URL_CHARS = 2048

_LINKEDIN_SLUG = re.compile(r"[^\s/?#:]{1,200}")
_NAME_KEY = re.compile(r"name:[^\s/?#:]{1,200}(:[^\s/?#:]{1,200})?")
_X_HANDLE = re.compile(r"[a-z0-9_]{1,15}")
_X_RESERVED = {"home", "messages", "i", "search", "explore", "settings", "notifications", "compose", "intent"}
_FB_NAME = re.compile(r"[a-z0-9.]{1,100}")
_FB_RESERVED = {"messages", "groups", "pages", "events", "watch", "marketplace", "profile.php", "home.php", "login"}


class ProfileError(ValueError):
    """Not a profile URL we understand; the message says what is expected."""


@dataclass(frozen=True)
class Profile:
    site: str
    id: str
    url: str

    @property
    def key(self) -> str:
        return f"{self.site}:{self.id}"


def normalise(url: str) -> Profile:
    """The canonical profile behind a profile URL, or ProfileError."""
    if not isinstance(url, str) or not url.strip():
        raise ProfileError("profile_url must be a non-empty string")
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise ProfileError(f"profile_url is longer than {MAX_URL_CHARS} characters")
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError as e:
        raise ProfileError(f"profile_url is not a URL: {e}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ProfileError("profile_url must be an http(s) URL")
    segments = [unquote(s) for s in parts.path.split("/") if s]

    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        if len(segments) >= 2 and segments[0].lower() == "in":
            slug = segments[1].lower()
            if _LINKEDIN_SLUG.fullmatch(slug):
                return Profile("linkedin", slug, f"https://www.linkedin.com/in/{quote(slug, safe='-_.~')}/")
        raise ProfileError("a LinkedIn profile_url looks like https://www.linkedin.com/in/<name>/")

    if host in ("x.com", "twitter.com") or host.endswith((".x.com", ".twitter.com")):
        if segments:
            handle = segments[0].lstrip("@").lower()
            if _X_HANDLE.fullmatch(handle) and handle not in _X_RESERVED:
                return Profile("x", handle, f"https://x.com/{handle}")
        raise ProfileError("an X profile_url looks like https://x.com/<handle>")

    if host in ("facebook.com", "messenger.com") or host.endswith((".facebook.com", ".messenger.com")):
        name = None
        if segments and segments[0] == "profile.php":
            ids = parse_qs(parts.query).get("id", [])
            name = ids[0] if ids and ids[0].isdigit() else None
        elif len(segments) >= 2 and segments[0] == "t" and "messenger.com" in host:
            name = segments[1].lower()
        elif segments and segments[0].lower() not in _FB_RESERVED:
            name = segments[0].lower()
        if name and _FB_NAME.fullmatch(name):
            url = (f"https://www.facebook.com/profile.php?id={name}" if name.isdigit()
                   else f"https://www.facebook.com/{name}")
            return Profile("messenger", name, url)
        raise ProfileError("a Facebook profile_url looks like https://www.facebook.com/<name>")

    raise ProfileError("profile_url must be a LinkedIn, X or Facebook profile URL")


def name_slug(name: str) -> str:
    """A name as part of a key: case and spacing do not matter, nor do the characters
    that cannot be in a key (a colon separates the company)."""
    return "-".join(name.casefold().replace(":", " ").split())[:200]


def by_name(name: str, company: str | None = None) -> Profile:
    """A LinkedIn contact known only by name (and company): exports before mid-2023 hold no
    profile URLs. The key `linkedin:name:<name>[:<company>]` cannot be a real profile's
    (slugs have no colon); its URL searches LinkedIn for the person."""
    ident = "name:" + name_slug(name) + (":" + name_slug(company) if company and name_slug(company) else "")
    search = f"https://www.linkedin.com/search/results/people/?keywords={quote(name.strip(), safe='')}"
    return Profile("linkedin", ident, search + (f"&company={quote(company.strip(), safe='')}" if company else ""))


def parse_name_key(key: str, name: str) -> Profile:
    """The Profile of a key made by `by_name`, given the person's name."""
    ident = key.partition(":")[2]
    parts = ident.split(":")
    company = parts[2] if len(parts) > 2 else None
    return Profile("linkedin", ident, by_name(name, company.replace("-", " ") if company else None).url)


def parse_key(key: str) -> Profile:
    """The profile behind a contact key such as `linkedin:jane-doe-123`."""
    site, sep, ident = key.partition(":")
    if not sep or site not in SITES or not ident:
        raise ProfileError("a contact key looks like linkedin:<name>, x:<handle> or messenger:<name>")
    if site == "linkedin" and ident.startswith("name:"):  # known by name only (see by_name)
        if not _NAME_KEY.fullmatch(ident):
            raise ProfileError("a contact known by name has a key like linkedin:name:jane-doe")
        return Profile("linkedin", ident, "")
    if site == "linkedin":
        return normalise(f"https://www.linkedin.com/in/{quote(ident, safe='')}/")
    if site == "x":
        return normalise(f"https://x.com/{ident}")
    if ident.isdigit():
        return normalise(f"https://www.facebook.com/profile.php?id={ident}")
    return normalise(f"https://www.facebook.com/{ident}")
