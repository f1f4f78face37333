"""Sizes past which the whole-corpus outputs change how they are made, so that a corpus of
10,000 releases stays workable: read by the build, the view and the command line alike."""

# Up to this many documents in the store, a build rewrites the whole-corpus outputs by default
# (seconds of work); past it, a build costs only its own documents and `publish` writes the rest.
AUTO_OUTPUTS_MAX = 1000

# Past this many resources the view shows the most connected ones: a 2,000-node page opens in a
# few seconds and stays readable, where a 10,000-release corpus holds some 90,000; 5,000 (still
# drawn and usable) is there for `--view-max-nodes`, and 0 shows every one.
VIEW_MAX_NODES = 2000
