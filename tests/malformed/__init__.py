"""Broken notebooks: a clear message for each, and a zero only for what cannot be graded."""
