"""Recovery seal for the data-protection officer: keygen (officer's machine), seal (worker), reset (officer)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from app.commands.common import CliError, data_dir, passphrase
from app.i18n import tr
from app.services.access import passphrase as strength
from app.storage import recovery


def register(sub: Any) -> None:
    p = sub.add_parser("recovery", help=tr("recovery seal for the data-protection officer"))
    rsub = p.add_subparsers(dest="recovery_command", metavar="STEP", required=True)
    k = rsub.add_parser("keygen", help=tr("make the officer's key pair (on the officer's machine)"))
    k.add_argument("--private", required=True, help=tr("file for the private key (kept by the officer)"))
    k.add_argument("--public", required=True, help=tr("file for the public key (given to workers)"))
    k.set_defaults(handler=cmd_keygen)
    s = rsub.add_parser("seal", help=tr("seal this diary's key for the officer"))
    s.add_argument("--officer-key", required=True, help=tr("the officer's public key file"))
    s.set_defaults(handler=cmd_seal)
    r = rsub.add_parser("reset", help=tr("set a new passphrase with the officer's private key"))
    r.add_argument("--officer-private-key", required=True)
    r.add_argument("--new-passphrase-file")
    r.set_defaults(handler=cmd_reset)


def _officer_passphrase() -> str:
    value = os.environ.get("ATHENA_OFFICER_PASSPHRASE", "")
    if not value:
        value = passphrase(argparse.Namespace(passphrase_file=None), prompt=tr("Officer's passphrase: "))
    return value


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        raise CliError(tr("The key file cannot be read.")) from None


def cmd_keygen(args: argparse.Namespace) -> int:
    priv, pub = recovery.generate_officer_keys(_officer_passphrase())
    fd = os.open(args.private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(priv)
    Path(args.public).write_bytes(pub)
    print(tr("Officer keys written. Keep the private key offline."))
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    fp = recovery.seal_for_officer(data_dir(args), passphrase(args), _read(args.officer_key))
    print(tr("Sealed for the officer key {fp}.").format(fp=fp))
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    new = passphrase(argparse.Namespace(passphrase_file=args.new_passphrase_file), prompt=tr("New passphrase: "),
                     confirm=True)
    if not strength.strength(new).acceptable:
        raise CliError(tr(strength.strength(new).feedback))
    recovery.reset_passphrase(data_dir(args), _read(args.officer_private_key), _officer_passphrase(), new)
    print(tr("The passphrase was changed."))
    return 0
