# Mistake: imports torch.optim under a name built at run time, so the scan cannot see it is the library's optimizer.
# Expect: cannot verify that sgd is written by hand
# Expect: importlib
import importlib


def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    optimizers = importlib.import_module("torch." + "op" + "tim")
    optimizers.SGD(params, lr=lr / batch_size).step()
