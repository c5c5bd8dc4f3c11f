"""The JSON API under ``/api/v1`` (CONTRACTS.md, "HTTP")."""
