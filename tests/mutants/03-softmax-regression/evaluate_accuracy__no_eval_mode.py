# Mistake: never calls net.eval(), so a module is evaluated in training mode (dropout on).
# Expect: eval mode
# Expect: net.eval()
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    num_correct, num_examples = 0, 0
    with torch.no_grad():
        for X, y in data_iter:
            num_correct += (net(X).argmax(dim=1) == y).sum().item()
            num_examples += y.numel()
    return num_correct / num_examples
