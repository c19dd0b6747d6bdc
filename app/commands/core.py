"""Core subcommands: init, passwd, rekey, demo, clients, export, audit, integrity."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.commands.common import CliError, data_dir, date_arg, opened, passphrase
from app.i18n import tr
from app.models import Compartment
from app.services import audit
from app.services.access import passphrase as strength
from app.services.audit import chain as audit_chain
from app.services.backup import make_backup
from app.services.clients import export
from app.services.clients.clients import list_clients
from app.services.clients.search import search_clients
from app.services.context import Worker, open_diary, save_worker
from app.storage import rekeying, vault
from app.storage.private_files import write_private


def register(sub: Any) -> None:
    p = sub.add_parser("init", help=tr("create a new encrypted diary"))
    p.add_argument("--name", required=True, help=tr("your name, as it appears on diary entries"))
    p.add_argument("--title", default="", help=tr("your title, e.g. Kvinnostödjare"))
    p.add_argument("--track", action="append", choices=["women", "men"],
                   help=tr("the track(s) you work in (default: women)"))
    p.add_argument("--lead", action="store_true",
                   help=tr("you are the team lead of this diary (a synced team names its own leads)"))
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("passwd", help=tr("change the passphrase"))
    p.add_argument("--new-passphrase-file", help=tr("read the new passphrase from this file"))
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("rekey", help=tr("re-encrypt the diary under a new random key"))
    p.set_defaults(handler=cmd_rekey)

    p = sub.add_parser("demo", help=tr("fill a diary with realistic synthetic data"))
    p.add_argument("--clients", type=int, default=200)
    p.add_argument("--entries", type=int, default=None, help=tr("diary entries (default: 30 per client)"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--name", default="Demo Användare")
    p.add_argument("--track", action="append", choices=["women", "men"],
                   help=tr("the track(s) of a new demo diary (default: women)"))
    p.add_argument("--men", type=int, default=None, help=tr("men in the men's track (default: a tenth of the "
                                                              "clients, at least 12)"))
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("clients", help=tr("list or search clients"))
    p.add_argument("--search", default="")
    p.add_argument("--status", choices=["incoming", "current", "closed"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=10_000)
    p.set_defaults(handler=cmd_clients)

    p = sub.add_parser("export", help=tr("export everything stored as JSON"))
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--client")
    g.add_argument("--all", action="store_true")
    p.add_argument("-o", "--output", help=tr("file to write (default: standard output)"))
    p.add_argument("--with-protected", action="store_true",
                   help=tr("include the address and personal identity number of clients with protected "
                           "identity (left out by default: the file is not encrypted)"))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("audit", help=tr("show the audit trail"))
    p.add_argument("--client")
    p.add_argument("--from", dest="start", type=date_arg)
    p.add_argument("--to", dest="end", type=date_arg)
    p.add_argument("--format", choices=["json", "csv"], default="csv")
    p.add_argument("-o", "--output")
    p.set_defaults(handler=cmd_audit)

    p = sub.add_parser("integrity", help=tr("check the diary for damage"))
    p.set_defaults(handler=cmd_integrity)


def _new_passphrase(args: argparse.Namespace, file_attr: str) -> str:
    value = passphrase(argparse.Namespace(passphrase_file=getattr(args, file_attr, None)),
                       prompt=tr("New passphrase: "), confirm=True)
    s = strength.strength(value)
    if not s.acceptable:
        raise CliError(tr(s.feedback))
    return value


def cmd_init(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    pw = _new_passphrase(args, "passphrase_file")
    store = vault.create(folder, pw)
    try:
        tracks = frozenset(args.track or [Compartment.WOMEN.value])
        save_worker(store, Worker(name=args.name, title=args.title, tracks=tracks))
        if args.lead:
            from app.services.access import roles

            roles.set_profile_role(open_diary(store), True)
    finally:
        store.close()
    print(tr("Created an encrypted diary in {path}.").format(path=folder))
    print(tr("A forgotten passphrase cannot be recovered."))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    old = passphrase(args, prompt=tr("Current passphrase: "))
    new = _new_passphrase(args, "new_passphrase_file")
    rekeying.change_passphrase(data_dir(args), old, new)
    print(tr("The passphrase was changed."))
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    pw = passphrase(args)
    store = vault.unlock(data_dir(args), pw)
    vault.rekey(store, pw).close()
    print(tr("The diary was re-encrypted under a new key."))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """All or nothing: a new demo diary is built in a folder beside the target and moved into place when
    complete; demo data added to an existing diary is undone from the backup taken first if anything fails."""
    folder = data_dir(args)
    pw = passphrase(args)
    if vault.diary_exists(folder):
        store = vault.unlock(folder, pw)
        taken = make_backup(store, "demo")
        try:
            _fill_demo(store, args)
        except BaseException:
            store.close()
            vault.restore(folder, pw, taken[0].path).close()
            raise
        store.close()
        return 0
    if folder.exists() and any(folder.iterdir()):
        raise CliError(tr("The folder is not empty; choose an empty or new folder for the demo diary."))
    building = folder.with_name(f".{folder.name}.demo-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    try:
        store = vault.create(building, pw)
        try:
            tracks = frozenset(args.track or [Compartment.WOMEN.value])
            title = "Kvinnostödjare" if Compartment.WOMEN.value in tracks else "Mansstödjare"
            save_worker(store, Worker(name=args.name, title=title, tracks=tracks))
            _fill_demo(store, args)
            store.checkpoint()
        finally:
            store.close()
        if folder.exists():
            folder.rmdir()
        os.replace(building, folder)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return 0


def _fill_demo(store: vault.Store, args: argparse.Namespace) -> None:
    # Imported here: Faker (the demo's fake names) is the slowest import of all, and no other command needs it.
    from app.services.demo import diary as demo
    from app.services.demo import men as men_demo
    from app.services.demo import risk as risk_demo

    diary = open_diary(store)
    t0 = time.perf_counter()

    def progress(label: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{label}: {done}/{total}   ", end="", file=sys.stderr)

    if Compartment.WOMEN.value in diary.tracks:
        summary = demo.generate(diary, clients=args.clients, entries=args.entries, seed=args.seed,
                                progress=progress, men=args.men)
        risk_demo.generate(diary, seed=args.seed)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(tr("Demo diary: {clients} clients, {entries} diary entries ({s:.1f} s).").format(
            clients=summary.clients, entries=summary.entries, s=time.perf_counter() - t0))
    else:
        men, talks = men_demo.generate(diary, men=args.men if args.men is not None else
                                       max(args.clients // 10, 12), seed=args.seed)
        print(tr("Men's track: {men} men, {talks} talks.").format(men=men, talks=talks))
    if Compartment.WOMEN.value in diary.tracks and Compartment.MEN.value in diary.tracks:
        print(tr("Men's track: {men} men.").format(men=summary.men))


def cmd_clients(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        if args.search:
            items = [h.client for h in search_clients(diary, args.search, limit=args.limit)]
            if args.status:
                items = [c for c in items if c.status == args.status]
        else:
            items = list_clients(diary, status=args.status, limit=args.limit).items
    if args.json:
        out = [{"id": c.id, "name": c.name, "status": c.status, "protected_identity": c.protected_identity,
                "case_number": c.case_number, "district": c.district} for c in items]
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for c in items:
            mark = " [skyddad]" if c.is_protected else ""
            print(f"{c.id}  {c.case_number:<12} {tr(c.status):<10} {c.name}{mark}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    client_id = args.client or None
    with_protected = bool(args.with_protected)
    with opened(args) as diary:
        # As in the app: the file is not encrypted, so protected clients' address and personal identity number
        # stay out unless asked for.
        left_out = 0 if with_protected else export.protected_count(diary, client_id)
        # Streamed from the diary to the file (0600, complete or not at all) or to stdout, a client at a time.
        if args.output and args.output != "-":
            export.write_export_file(diary, Path(args.output), client_id=client_id, with_protected=with_protected)
        else:
            export.write_export(diary, sys.stdout, client_id=client_id, with_protected=with_protected)
    if left_out:
        print(tr("Left out: the address and personal identity number of {n} client(s) with protected identity "
                 "(--with-protected includes them).").format(n=left_out), file=sys.stderr)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Every entry of the trail, read and written page by page (no cap)."""
    with opened(args) as diary:
        entries = audit.iter_trail(diary, client_id=args.client, start=args.start, end=args.end)
        if not args.output or args.output == "-":
            audit.write_trail(entries, sys.stdout, args.format)
            return 0
        write_private(args.output, audit.trail_chunks(entries, args.format))
    return 0


def cmd_integrity(args: argparse.Namespace) -> int:
    store = vault.unlock(data_dir(args), passphrase(args))  # a damaged file is refused here, named as such
    try:
        problems = store.integrity_check() + audit_chain.check_store(store)
    finally:
        store.close()
    if problems:
        for p in problems[:50]:
            print(p)
        print(tr("The diary is damaged: restore it from a backup or the team share."), file=sys.stderr)
        return 1
    print(tr("The diary is intact."))
    return 0


__all__ = ["asdict", "register"]
