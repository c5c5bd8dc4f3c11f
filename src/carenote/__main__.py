"""python -m carenote."""

from carenote.service.cli import main

main()
