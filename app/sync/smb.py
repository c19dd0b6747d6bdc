"""The ``smb://server[:port]/share/path`` backend, reached directly with smbprotocol (no mount needed).

Credentials come from the URL's user part or from ``ATHENA_SMB_USER`` / ``ATHENA_SMB_PASSWORD``; with neither,
the current Kerberos/NTLM session is used. They never appear in messages.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

import smbclient
from smbprotocol.exceptions import SMBException, SMBOSError, SMBResponseException

from app.sync.errors import AlreadyExists, ShareUnavailable, TransientShareError
from app.sync.share import MAX_FILE_BYTES, Share

# NTSTATUS codes a Windows file server returns while an antivirus or indexer holds a file.
_TRANSIENT_STATUS = {0xC0000043, 0xC0000054, 0xC0000055, 0xC0000022}  # sharing violation, lock, access denied
_EXISTS_STATUS = {0xC0000035}  # STATUS_OBJECT_NAME_COLLISION
_MISSING_STATUS = {0xC0000034, 0xC000003A}


def _status(exc: BaseException) -> int:
    if isinstance(exc, SMBOSError):
        return int(exc.ntstatus)
    if isinstance(exc, SMBResponseException):
        return int(exc.status)
    return 0


class SmbShare(Share):
    def __init__(self, server: str, port: int, share_path: str, username: str | None = None,
                 password: str | None = None) -> None:
        self.server = server
        self.port = port
        self.base = "\\\\" + server + "\\" + share_path.strip("/").replace("/", "\\")
        self._username = username
        self._password = password
        self._registered = False

    @classmethod
    def from_url(cls, url: str) -> SmbShare:
        parts = urlsplit(url)
        if not parts.hostname or not parts.path.strip("/"):
            raise ShareUnavailable("An smb:// address needs a server and a share name.")
        user = unquote(parts.username) if parts.username else os.environ.get("ATHENA_SMB_USER")
        password = unquote(parts.password) if parts.password else os.environ.get("ATHENA_SMB_PASSWORD")
        return cls(parts.hostname, parts.port or 445, unquote(parts.path), user, password)

    def describe(self) -> str:
        return f"smb://{self.server}:{self.port}/{self.base.split(chr(92), 3)[-1].replace(chr(92), '/')}"

    def _session(self) -> None:
        if self._registered:
            return
        try:
            smbclient.register_session(self.server, username=self._username, password=self._password,
                                       port=self.port, connection_timeout=10)
        except (SMBException, OSError, ValueError):
            raise ShareUnavailable("The file server could not be reached or refused the login.") from None
        self._registered = True

    def _p(self, path: str) -> str:
        return self.base + ("\\" + path.replace("/", "\\") if path else "")

    def _kw(self) -> dict[str, object]:
        return {"port": self.port, "username": self._username, "password": self._password}

    def _fail(self, exc: BaseException, what: str) -> Exception:
        status = _status(exc)
        if status in _TRANSIENT_STATUS:
            return TransientShareError("The share refused access to a file; retrying.")
        if status in _EXISTS_STATUS:
            return AlreadyExists("The file already exists on the share.")
        self._registered = False if status == 0 else self._registered
        return ShareUnavailable(what)

    def list_dir(self, path: str) -> list[str] | None:
        self._session()
        try:
            return sorted(smbclient.listdir(self._p(path), **self._kw()))
        except (SMBException, OSError) as exc:
            if _status(exc) in _MISSING_STATUS or isinstance(exc, FileNotFoundError | NotADirectoryError):
                return None
            raise self._fail(exc, "The share could not be read.") from None

    def read(self, path: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
        self._session()
        try:
            with smbclient.open_file(self._p(path), mode="rb", share_access="r", **self._kw()) as f:
                data: bytes = f.read(max_bytes + 1)
        except (SMBException, OSError) as exc:
            if _status(exc) in _MISSING_STATUS or isinstance(exc, FileNotFoundError):
                raise ShareUnavailable("A file disappeared from the share while it was read.") from None
            raise self._fail(exc, "The share could not be read.") from None
        if len(data) > max_bytes:
            raise ShareUnavailable("A file on the share is larger than any file Athena writes.")
        return data

    def mkdir(self, path: str) -> None:
        self._session()
        try:
            smbclient.makedirs(self._p(path), exist_ok=True, **self._kw())
        except (SMBException, OSError) as exc:
            raise self._fail(exc, "A folder could not be created on the share.") from None

    def write_temp(self, path: str, data: bytes) -> None:
        self._session()
        try:
            with smbclient.open_file(self._p(path), mode="xb", **self._kw()) as f:
                f.write(data)
                f.flush()
        except (SMBException, OSError) as exc:
            self._quiet_remove(path)
            raise self._fail(exc, "Writing to the share failed (read-only or full?).") from None

    def rename_noreplace(self, src: str, dst: str) -> None:
        self._session()
        try:
            # SMB2 rename with ReplaceIfExists = 0: the server refuses when the target exists.
            smbclient.rename(self._p(src), self._p(dst), **self._kw())
        except (SMBException, OSError) as exc:
            if isinstance(exc, FileExistsError):
                raise AlreadyExists("The file already exists on the share.") from None
            raise self._fail(exc, "Renaming a file on the share failed.") from None

    def mtime_ms(self, path: str) -> int | None:
        self._session()
        try:
            return int(smbclient.stat(self._p(path), **self._kw()).st_mtime * 1000)
        except (SMBException, OSError, ValueError):
            return None

    def remove(self, path: str) -> None:
        self._session()
        try:
            smbclient.remove(self._p(path), **self._kw())
        except (SMBException, OSError) as exc:
            if _status(exc) in _MISSING_STATUS or isinstance(exc, FileNotFoundError):
                return
            raise self._fail(exc, "Removing a file on the share failed.") from None
