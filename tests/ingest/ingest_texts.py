"""Example article bodies written for these tests (not taken from any outlet)."""

NL = ("Het kabinet heeft dinsdag een nieuw plan voor de woningbouw gepresenteerd. "
      "Minister De Jonge zegt dat er de komende tien jaar jaarlijks honderdduizend woningen bij "
      "moeten komen. De oppositie noemt het plan onhaalbaar zolang er te weinig bouwvakkers zijn.")
NL2 = ("De gemeenteraad van Utrecht stemde woensdagavond in met een verbod op vuurwerk rond de "
       "jaarwisseling. Burgemeester Dijksma spreekt van een historische stap voor de veiligheid "
       "van hulpverleners, die de afgelopen jaren vaak werden bekogeld.")
EN = ("The government presented a new housing plan on Tuesday. The minister said that one hundred "
      "thousand homes must be built every year for the next decade. Opposition parties called "
      "the plan unrealistic while the construction sector lacks workers.")
