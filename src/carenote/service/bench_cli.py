"""``carenote bench …`` commands (registered on the CLI's bench group)."""
