"""District file-share sync (no Qt). See docs/sync.md for the protocol.

The desktop calls ``sync_now`` (or ``sync_round`` with a ``Share``) in a worker thread and shows the returned
``SyncSummary``; ``share_reachable`` tells it when the share has come back.
"""

from app.sync.round import SyncConfig, SyncSummary, share_reachable, sync_now, sync_round

__all__ = ["SyncConfig", "SyncSummary", "share_reachable", "sync_now", "sync_round"]
