"""Steps of the Qingdao e-tax bureau (青岛市电子税务局 FAQ): login, second factor, registration, levels, passwords."""
