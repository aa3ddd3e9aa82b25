"""The Qingdao e-tax bureau (青岛市电子税务局): one login for every entry that reaches the person, two factors."""
