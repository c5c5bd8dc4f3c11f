"""Carenote: a self-hostable medical-information service.

Data flows one way: ``knowledge`` (sources) → ``compiler`` → ``engine`` → ``service``.
"""

__version__ = "0.1.0"
