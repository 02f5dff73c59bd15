// IncidentPipeline: implementation in progress.
