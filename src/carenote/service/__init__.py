"""The service layer: CLI, JSON API, HTML pages and storage."""
