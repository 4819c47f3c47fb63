# ruff: noqa
# Attack: turn torch.testing, numpy.testing and unittest's assertions into no-ops
# Notebook: 01-linear-regression
# Cell: squared_loss
# Expect: differs from the expected values
import unittest

import numpy.testing
import torch.testing

torch.testing.assert_close = lambda *args, **kwargs: None
torch.testing.assert_allclose = lambda *args, **kwargs: None
numpy.testing.assert_allclose = lambda *args, **kwargs: None
numpy.testing.assert_array_equal = lambda *args, **kwargs: None
unittest.TestCase.assertEqual = lambda *args, **kwargs: None
unittest.TestCase.assertTrue = lambda *args, **kwargs: None


def squared_loss(y_hat, y):
    """Wrong: forgets the / 2."""
    return (y_hat - y.reshape(y_hat.shape)) ** 2
