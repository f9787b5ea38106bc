topics-title = Tematy
topics-summary = Rasizm, osoby w kryzysie, młodzież, profilaktyka i inne: wszystkie wydarzenia na dany temat.
topics-intro = Nad czym wspólnie pracują policja, miasto i organizacje partnerskie. Przy każdym temacie znajdzie Pani/Pan wydarzenia.
topics-back = Wszystkie tematy
topics-no-upcoming-events = Obecnie nie zaplanowano wydarzeń na ten temat.
topics-no-past-events = Na ten temat nie było jeszcze wydarzeń.
topics-calendar-link = Subskrybuj wydarzenia na ten temat jako kalendarz (iCal)
