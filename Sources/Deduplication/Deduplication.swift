// Deduplication: implementation in progress.
