"""Steps of the natural-person platform: WEB registration and the 个人所得税APP."""
