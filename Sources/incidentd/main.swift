import InboxDaemon
print("incidentd: not yet wired")
