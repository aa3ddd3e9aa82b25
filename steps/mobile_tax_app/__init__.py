"""Steps of the 移动办税APP (Liaoning manual 四)."""
