// InboxDaemon: implementation in progress.
