"""How strong a passphrase is, judged by zxcvbn; weak ones are refused when a diary is created."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_SCORE = 3
MIN_LENGTH = 10


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    acceptable: bool
    feedback: str  # English key for app.i18n.tr


def strength(passphrase: str, user_inputs: list[str] | None = None) -> Strength:
    if not passphrase:
        return Strength(0, False, "Choose a passphrase of several words.")
    result = zxcvbn(passphrase[:100], user_inputs=user_inputs or [])
    score = int(result["score"])
    if len(passphrase) < MIN_LENGTH:
        return Strength(min(score, 1), False, "Use at least 10 characters; several words are best.")
    if score < MIN_SCORE:
        return Strength(score, False, "Too easy to guess. Add more unusual words.")
    return Strength(score, True, "Strong enough.")
