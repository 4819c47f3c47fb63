"""Autograder for the deep-learning exercise kit.

Students import `check` (visible checks, with hints) and `points` (all checks, returning
the item's points for nbgrader's partial credit) in their notebooks; everything else is
reached through the `autograder` command.
"""

from autograder.inline import check, points

__all__ = ["check", "points"]
