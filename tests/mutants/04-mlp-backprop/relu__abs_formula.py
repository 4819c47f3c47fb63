# Mistake: writes relu as (x + |x|) / 2, which overflows to inf for x above 1.7e38.
# Expect: inf or nan
# Expect: (x + |x|) / 2 overflows
def relu(x):
    """max(x, 0) elementwise."""
    return (x + x.abs()) / 2
