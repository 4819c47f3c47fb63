# Alternative: counts the kernel's positions one stride at a time instead of using the formula
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension: the number of positions where the kernel fits."""
    if k < 1 or p < 0 or s < 1:
        raise ValueError(f"impossible settings k={k}, p={p}, s={s}")
    if k > n + 2 * p:
        raise ValueError(f"a kernel of {k} does not fit in {n + 2 * p}")
    count, start = 0, 0
    while start + k <= n + 2 * p:
        count += 1
        start += s
    return count
