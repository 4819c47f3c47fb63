# Mistake: skips the first line as if it were a header (np.loadtxt(skiprows=1)), so one example is lost.
# Expect: expected 5
# Expect: no header
import numpy as np


class CSVDataset(Dataset):
    """Examples from a CSV file."""

    def __init__(self, path):
        try:
            xy = np.loadtxt(path, delimiter=",", dtype=np.float32, skiprows=1, ndmin=2)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from error
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __len__(self):
        return len(self.y_data)

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]
