topics-title = Teme
topics-summary = Rasism, oameni în criză, tineret, prevenire și altele: toate evenimentele pe o temă.
topics-intro = La ce lucrează împreună poliția, orașul și organizațiile partenere. La fiecare temă găsiți evenimentele.
topics-back = Toate temele
topics-no-upcoming-events = Momentan nu sunt planificate evenimente pe această temă.
topics-no-past-events = Pe această temă nu au avut loc încă evenimente.
topics-calendar-link = Abonați-vă la evenimentele pe această temă ca un calendar (iCal)
