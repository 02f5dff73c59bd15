// SystemBridge: implementation in progress.
