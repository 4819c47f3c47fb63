"""Are the bundled data sets, read without scikit-learn, exactly scikit-learn's own?"""

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits

from autograder import bundled


def test_digits_are_scikit_learns():
    """Same images (n, 8, 8) and labels as sklearn.datasets.load_digits()?"""
    images, labels = bundled.digits()
    theirs = load_digits()
    assert np.array_equal(images, theirs.images) and np.array_equal(labels, theirs.target)


def test_breast_cancer_is_scikit_learns():
    """Same features, labels and feature names as sklearn.datasets.load_breast_cancer()?"""
    features, labels = bundled.breast_cancer()
    theirs = load_breast_cancer()
    assert np.array_equal(features, theirs.data) and np.array_equal(labels, theirs.target)
    assert bundled.BREAST_CANCER_FEATURES == tuple(theirs.feature_names)
