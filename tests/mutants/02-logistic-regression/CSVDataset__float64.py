# Mistake: keeps numpy's default float64, so the features and labels are float64, not float32.
# Expect: torch.float64, expected torch.float32
import numpy as np


class CSVDataset(Dataset):
    """Examples from a CSV file."""

    def __init__(self, path):
        try:
            xy = np.loadtxt(path, delimiter=",", ndmin=2)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from error
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __len__(self):
        return len(self.y_data)

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]
