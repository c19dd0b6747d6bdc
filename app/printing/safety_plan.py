"""The printed safety plan: A4 or pocket card, discreet (the default) or full, in the client's language.

Discreet mode is what a woman takes home. If the paper is found it must not give her away: a neutral title of
her choice, no municipality name or logo, no worker title, neutral headings, numbers as plain contacts, no
client name unless asked, no giveaway words anywhere (metadata included). Sections that are sensitive by
nature (warning signs, code word, digital safety, court day) are left out unless the worker includes them.
For a client with protected identity the address and personal identity number never appear, in any mode.
Everything left out is listed for the worker (``PrintResult.omissions``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Spacer

from app.errors import DomainError
from app.i18n import current_language, tr
from app.models import Compartment
from app.printing.document import Metadata, Page, build_pdf, page_format
from app.printing.inputs import ClientFacts, PlanFacts
from app.printing.output import PrintResult, contains_identity, digits_of, identity_leaks
from app.reference import phone_numbers, plan_sections
from app.reference.plan_sections import LanguagePack, giveaway_words

_digits = digits_of


@dataclass(frozen=True)
class PlanPrintOptions:
    discreet: bool = True
    language: str | None = None  # default: the plan's language, else the client's first language we print
    fmt: str = "a4"  # a4 / card
    version: int | None = None  # default: the latest
    neutral_title: str | None = None  # default: the title saved with the plan
    with_name: bool | None = None  # default: only in full mode
    include_sensitive: bool = False  # discreet mode: print the sensitive sections too
    keep_numbers: frozenset[str] = frozenset()  # discreet mode: give-away numbers (by id) kept on purpose


def choose_language(requested: str | None, plan_language: str, client_languages: str) -> str:
    available = plan_sections.languages()
    if requested:
        if requested not in available:
            raise DomainError("There are no safety plan texts in the language {lang}.", lang=requested)
        return requested
    for code in [plan_language, *client_languages.split(",")]:
        if code.strip() in available:
            return code.strip()
    return "sv"


def _ui_heading(section_id: str) -> str:
    try:
        return plan_sections.language(current_language()).heading(section_id, discreet=False)
    except DomainError:
        return section_id


class _Checker:
    """Decides per piece of text whether it may be printed, and remembers why something was left out."""

    def __init__(self, client: ClientFacts, discreet: bool, unsafe: frozenset[str] = frozenset()) -> None:
        self.client, self.discreet = client, discreet
        self.unsafe = unsafe  # contact ids marked not safe in the network map now
        self.omissions: list[str] = []
        self.giveaway_numbers = {_digits(n) for n in phone_numbers.giveaway_numbers()}

    def blocked(self, text: str) -> str | None:
        if self.client.is_protected and contains_identity(text, address=self.client.address,
                                                          personal_number=self.client.personal_number):
            return "identity"
        if self.discreet and (giveaway_words(text) or self.holds_giveaway_number(text)):
            return "giveaway"
        return None

    def allow_numbers(self, numbers: Iterable[str]) -> None:
        """Give-away numbers she chose to keep (printed under a neutral label) pass the final check."""
        self.giveaway_numbers -= {_digits(n) for n in numbers}

    def holds_giveaway_number(self, text: str) -> bool:
        digits = _digits(text)
        return any(n and n in digits for n in self.giveaway_numbers)

    def label(self, text: str, fallback: str = "") -> str:
        """A heading or label: in discreet mode one that gives the plan away is replaced, and the preview says
        so (the resource files are meant to pass; this keeps a careless translation off the paper)."""
        if self.discreet and giveaway_words(text):
            self.omissions.append(tr("A heading or label that gives the plan away was not printed."))
            return fallback
        return text

    def section_ok(self, section_id: str, text: str) -> bool:
        why = self.blocked(text)
        if why == "identity":
            self.omissions.append(tr("“{section}” was left out: it contains the client's address or personal "
                                     "identity number.").format(section=_ui_heading(section_id)))
        elif why == "giveaway":
            self.omissions.append(tr("“{section}” was left out: it contains a word that gives the plan away "
                                     "({words}).").format(section=_ui_heading(section_id),
                                                          words=", ".join(giveaway_words(text))))
        return why is None


def _people_rows(value: Any, lang: LanguagePack, check: _Checker) -> list[tuple[str, str]]:
    """The people she can call. A contact marked not safe — when the version was saved or now — is never
    printed as someone to call, in any mode; the rest pass the same checks as any text (relation included)."""
    rows: list[tuple[str, str]] = []
    left_out = unsafe = 0
    for p in plan_sections.section_people(value):
        if p["safety"] == "unsafe" or p["contact_id"] in check.unsafe:
            unsafe += 1
            continue
        label = p["name"] + (f" ({p['relation']})" if p["relation"] else "")
        if check.blocked(label + " " + p["phone"]):
            left_out += 1
            continue
        rows.append((label, p["phone"]))
    if unsafe:
        check.omissions.append(tr("{n} of the people chosen are marked not safe in the network map and are never "
                                  "printed as people to call.").format(n=unsafe))
    if left_out:
        check.omissions.append(tr("{n} of the people to call were left out: their details give the plan away "
                                  "or hold protected details.").format(n=left_out))
    return rows


def _number_rows(district: str, lang: LanguagePack, opts: PlanPrintOptions,
                 check: _Checker) -> tuple[list[tuple[str, str]], str]:
    """The district's numbers. Discreet: neutral labels, and numbers that are themselves give-aways (a helpline,
    a shelter) left out unless she keeps them on purpose (then under their neutral label)."""
    numbers = phone_numbers.numbers_for(district, lang.code)
    rows: list[tuple[str, str]] = []
    dropped: list[str] = []
    for n in numbers:
        if not opts.discreet:
            rows.append((n.label, n.number))
            continue
        if n.giveaway and n.id not in opts.keep_numbers:
            dropped.append(n.neutral)
            continue
        label = check.label(n.neutral)
        if label:
            rows.append((label, n.number))
    if dropped:
        check.omissions.append(tr("Numbers that give the plan away were left out: {numbers}. Keep them on "
                                  "purpose to print them under a neutral name.").format(numbers=", ".join(dropped)))
    verified = min((n.verified for n in numbers), default=None)
    return rows, (lang.label("numbers_verified", date=verified.isoformat()) if verified else "")


def _order(fmt: str) -> list[plan_sections.SectionDef]:
    defs = plan_sections.sections()
    if fmt == "card":  # in the pocket, the numbers come first
        first = [d for d in defs if d.kind in ("numbers", "people")]
        first.sort(key=lambda d: d.kind != "numbers")
        return first + [d for d in defs if d not in first]
    return defs


def layout_plan(plan: PlanFacts, client: ClientFacts, district: str, today: str,
                opts: PlanPrintOptions, worker: str = "", unsafe: frozenset[str] = frozenset()) -> PrintResult:
    """Pure layout: no database access, so it can be tested and timed on its own. ``unsafe``: the contact ids
    marked not safe in the network map now (a version saved before he was marked keeps its snapshot)."""
    lang = plan_sections.language(choose_language(opts.language, plan.language, client.languages))
    fmt = page_format(opts.fmt)
    discreet = opts.discreet
    check = _Checker(client, discreet, unsafe)
    page = Page(fmt, rtl=lang.rtl)

    title = (opts.neutral_title if opts.neutral_title is not None else plan.neutral_title).strip()
    if discreet:
        if title and check.blocked(title):
            check.omissions.append(tr("The chosen title gives the plan away and was replaced."))
            title = ""
        title = title or check.label(lang.label("default_neutral_title"))
    else:
        title = lang.label("title_full")
        page.add(phone_numbers.organisation_line(lang.code, district), "small")
    page.add(title, "title")

    with_name = (not discreet) if opts.with_name is None else opts.with_name
    if with_name and not check.blocked(client.name):
        page.add(f"{check.label(lang.label('name'))}: {client.name}", "body")
    elif discreet:
        check.omissions.append(tr("The client's name is not printed."))
    page.add(lang.label("version", version=plan.version, date=plan.created_at.date().isoformat()), "small")

    sensitive_left_out: list[str] = []
    for d in _order(opts.fmt):
        value = plan.sections.get(d.id)
        text = plan_sections.section_text(value).strip()
        if d.kind == "text" and not text:
            continue
        if discreet and d.discreet_sensitive and not opts.include_sensitive:
            sensitive_left_out.append(_ui_heading(d.id))
            continue
        heading = check.label(lang.heading(d.id, discreet=discreet))
        body = []
        if text and check.section_ok(d.id, text):
            body += page.para(text)
        elif text and d.kind == "text":
            continue
        if d.kind == "people":
            rows = _people_rows(value, lang, check)
            body[:0] = [page.table(rows) if rows else page.para(lang.label("no_people"), "small")[0],
                        Spacer(1, fmt.body * 0.4)]
        elif d.kind == "numbers":
            rows, verified = _number_rows(district, lang, opts, check)
            body = [page.table(rows, key_share=0.62), Spacer(1, fmt.body * 0.4), *body,
                    *page.para(verified, "small")]
        page.section(heading, body)
        page.space(fmt.body * 0.3)

    if sensitive_left_out:
        check.omissions.append(tr("Left out in discreet mode: {sections}.").format(
            sections=", ".join(sensitive_left_out)))
    if discreet:
        check.omissions.append(tr("No municipality name or logo, no worker title; numbers have neutral names."))
    if client.is_protected:
        check.omissions.append(tr("Protected identity: the address and personal identity number are never "
                                  "printed."))
    if not discreet and worker:
        page.space(fmt.body)
        page.add(worker, "small")

    page.add(lang.label("printed", date=today), "small")
    footer = lang.label("page", page="{page}")
    meta = Metadata(title=title) if discreet else Metadata(
        title=f"{lang.label('title_full')} v{plan.version}", author=worker.split(",")[0],
        subject=phone_numbers.organisation_line(lang.code, district), creator="Athena")
    pdf, pages = build_pdf(page, meta, footer)
    check.allow_numbers(n.number for n in phone_numbers.numbers_for(district, lang.code)
                        if n.id in opts.keep_numbers)
    _final_checks([*page.printed, footer, meta.title, meta.author, meta.subject, meta.keywords, meta.creator],
                  client, discreet, check)
    mode = "discreet" if discreet else "full"
    return PrintResult(pdf=pdf, pages=pages, omissions=check.omissions, client_id=client.id,
                       compartment=Compartment.WOMEN.value, entity="safety_plan_versions", entity_id=plan.id,
                       detail=f"safety plan v{plan.version}, {mode}, {opts.fmt}, {lang.code}",
                       printed=page.printed)


def _final_checks(printed: list[str], client: ClientFacts, discreet: bool, check: _Checker) -> None:
    """The last line of defence: refuse to hand out a document that breaks a rule, whatever the layout did."""
    if client.is_protected and identity_leaks(printed, address=client.address,
                                              personal_number=client.personal_number):
        raise DomainError("The document would show protected details; nothing was printed.")
    if discreet and any(giveaway_words(s) or check.holds_giveaway_number(s) for s in printed if s):
        raise DomainError("The document could not be made discreet; nothing was printed.")
