"""The district share as the desktop sees it, and fields kept in two versions after a sync."""
