"""python -m corecities_graph"""

from .cli import main

main()
