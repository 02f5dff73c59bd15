// IncidentStore: implementation in progress.
