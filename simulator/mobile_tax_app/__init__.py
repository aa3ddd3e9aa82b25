"""The 移动办税APP (Liaoning manual 四): its sign-in, its 【服务】 page and 实名采集 into the core tax system."""
