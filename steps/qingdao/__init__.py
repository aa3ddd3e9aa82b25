"""Steps of the Qingdao e-tax bureau (青岛市电子税务局新版登录方式常见问题解答)."""
