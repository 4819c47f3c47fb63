# Mistake: calls net.eval() unconditionally, which fails when net is a plain function such as lambda X: softmax_regression(X, W, b).
# Expect: has no attribute 'eval'
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    net.eval()
    num_correct, num_examples = 0, 0
    with torch.no_grad():
        for X, y in data_iter:
            num_correct += (net(X).argmax(dim=1) == y).sum().item()
            num_examples += len(y)
    return num_correct / num_examples
