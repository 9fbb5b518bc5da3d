"""Bill text: pure parsers for LawMaker XML bill prints and amendment papers, and the matcher
that follows one clause through every reprint by identity rather than by number."""
