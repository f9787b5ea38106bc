# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Dzień dobry { $name },
events-mail-confirmed-subject = Rejestracja potwierdzona
events-mail-confirmed-body = Państwa rejestracja na wydarzenie „{ $title }” została potwierdzona. Miejsce jest dla Państwa zarezerwowane.
events-mail-waitlisted-subject = Na liście oczekujących
events-mail-waitlisted-body = Na wydarzenie „{ $title }” nie ma już wolnych miejsc. Są Państwo na liście oczekujących i otrzymają Państwo wiadomość, gdy tylko zwolni się dla Państwa miejsce.
events-mail-promoted-subject = Zwolniło się miejsce
events-mail-promoted-body = Zwolniło się miejsce na wydarzenie „{ $title }”. Państwa rejestracja jest teraz potwierdzona.
events-mail-position = { $position ->
    [one] Są Państwo następną osobą na liście oczekujących.
   *[other] Państwa miejsce na liście oczekujących: { $position }.
}
events-mail-when = Kiedy
events-mail-where = Gdzie
events-mail-cancel = Jeśli nie mogą Państwo przyjść, prosimy zwolnić miejsce. Osobisty link do podglądu i rezygnacji:

events-title = Wydarzenia
events-summary = Fora, spotkania dyskusyjne i wydarzenia prewencyjne policji i organizacji partnerskich – z rejestracją.
events-intro = Policja, miasto i organizacje partnerskie zapraszają na fora, spotkania dyskusyjne i wydarzenia prewencyjne. Wszystkie wydarzenia są bezpłatne.
events-calendar-link = Subskrybuj wszystkie wydarzenia jako kalendarz (iCal)
events-upcoming = Nadchodzące wydarzenia
events-past = Minione wydarzenia
events-none = Obecnie nie są zaplanowane żadne wydarzenia.
events-back = Wszystkie wydarzenia
events-kind = Rodzaj
events-kind-forum = Forum
events-kind-open-conference = Konferencja otwarta
events-kind-discussion-round = Spotkanie dyskusyjne
events-kind-prevention-event = Wydarzenie prewencyjne
events-kind-training = Szkolenie
events-kind-intercultural-week = Tydzień Międzykulturowy
events-kind-committee-session = Posiedzenie komisji
events-places-left = Wolne miejsca
events-waitlist-open = możliwy zapis na listę oczekujących
events-add-to-calendar = Dodaj do własnego kalendarza (iCal)
events-register-title = Rejestracja
events-cancelled = To wydarzenie zostało odwołane.
events-no-registration = Na to wydarzenie nie jest wymagana rejestracja.
events-over = To wydarzenie już się odbyło.
events-opens = Rejestracja rozpocznie się { $when }.
events-closed = Rejestracja jest zamknięta od { $when }.
events-full = Wszystkie miejsca na to wydarzenie są zajęte, a lista oczekujących nie jest prowadzona.
events-form-name = Imię i nazwisko
events-form-email = Adres e-mail
events-form-email-hint = Na ten adres wyślemy potwierdzenie i Państwa osobisty link do anulowania rejestracji.
events-form-organisation = Organizacja lub stowarzyszenie (nieobowiązkowo)
events-form-accessibility = Czy potrzebują Państwo wsparcia, na przykład wejścia bez schodów? (nieobowiązkowo)
events-form-interpreter = Tłumaczenie ustne na wybrany język (nieobowiązkowo)
events-form-no-interpreter = Tłumaczenie ustne nie jest potrzebne
events-form-submit = Zapisz się wiążąco
events-form-name-invalid = Prosimy podać imię i nazwisko (maksymalnie 200 znaków).
events-form-email-invalid = Prosimy podać prawidłowy adres e-mail.
events-form-too-long = Jedna z podanych informacji jest za długa. Prosimy ją skrócić.
events-registration-title = Państwa rejestracja
events-registration-confirmed = { $name }, Państwa rejestracja została potwierdzona. Miejsce jest dla Państwa zarezerwowane.
events-registration-waitlisted = { $name }, są Państwo na liście oczekujących. Napiszemy do Państwa, gdy tylko zwolni się miejsce.
events-registration-cancelled = Ta rejestracja została anulowana. Miejsce jest znów wolne.
events-registration-event = Wydarzenie
events-registration-keep-link = Prosimy zachować link do tej strony: tylko za jego pomocą mogą Państwo wyświetlić i anulować swoją rejestrację. Wysłaliśmy go Państwu również e-mailem.
events-registration-cancel = Wycofaj rejestrację i zwolnij miejsce

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Zwolniło się dla Pani/Pana miejsce
events-mail-offered-body = Na „{ $title }” zwolniło się miejsce. Rezerwujemy je dla Pani/Pana – prosimy o potwierdzenie w terminie.
events-mail-offer-deadline = Prosimy o potwierdzenie do { $deadline }. Potem miejsce przechodzi na kolejną osobę z listy oczekujących.
events-mail-offer-link = Tutaj można potwierdzić lub zwolnić miejsce (osobisty link):
events-mail-expired-subject = Oferta wygasła
events-mail-expired-body = Wolne miejsce na „{ $title }” nie zostało potwierdzone w terminie. Miejsce przechodzi teraz na kolejną osobę z listy oczekujących.
events-mail-event-cancelled-subject = Wydarzenie odwołane
events-mail-event-cancelled-body = Wydarzenie „{ $title }” zostało odwołane. Zgłoszenie jest tym samym nieaktualne.
events-mail-cancel-reason = Powód: { $reason }
events-mail-reminder-subject = Przypomnienie: jutro
events-mail-reminder-body = Przypominamy o „{ $title }”. Miejsce jest zarezerwowane.
events-mail-unsubscribe = Rezygnacja z przypomnień i zaproszeń (potwierdzenia nadal będą wysyłane):

events-cancel-reason = Powód odwołania
events-topics = Tematy
events-access-title = Dostępność
events-access-step-free = Wejście bez schodów
events-access-hearing-loop = Pętla indukcyjna dla aparatów słuchowych
events-access-interpreters = Tłumaczenie
events-access-no-interpreters = Brak tłumaczenia
events-access-note = Uwagi dotyczące dostępności
events-yes = Tak
events-no = Nie
events-unknown = Nieznane
events-interpreter-dgs = Niemiecki język migowy

events-form-organisation-required = Organizacja lub stowarzyszenie
events-form-accessibility-required = Jakiego wsparcia Pani/Pan potrzebuje, na przykład wejścia bez schodów?
events-form-interpreter-required = Tłumaczenie na język
events-form-choose = Prosimy wybrać
events-form-optional = dobrowolnie
events-form-answer-invalid = Ta odpowiedź nie pasuje do pytania. Prosimy ją sprawdzić.
events-form-answer-required = Prosimy odpowiedzieć na to pytanie.

events-registration-offered = { $name }, zwolniło się dla Pani/Pana miejsce. Rezerwujemy je.
events-registration-offer-until = Prosimy potwierdzić miejsce do { $deadline }.
events-registration-expired = Zaproponowane miejsce nie zostało potwierdzone w terminie. Przeszło na kolejną osobę z listy oczekujących.
events-registration-offer-confirm = Potwierdzam miejsce
events-registration-offer-decline = Nie przyjmuję miejsca i je zwalniam
events-registration-offer-gone = Ta oferta jest już nieaktualna. Termin minął albo miejsce zostało już przydzielone.
events-registration-cancel-closed = Od { $when } nie można już wycofać zgłoszenia przez ten link. Jeśli nie może Pani/Pan przyjść, prosimy o kontakt z organizatorami.
events-registration-cancel-until = Zgłoszenie można samodzielnie wycofać do { $when }.

events-unsubscribe-title = Koniec przypomnień
events-unsubscribe-explain = Na ten adres nie będą już wysyłane przypomnienia ani zaproszenia na wydarzenia. Potwierdzenia, oferty wolnych miejsc i odwołania będą nadal przychodzić.
events-unsubscribe-submit = Rezygnuję z przypomnień i zaproszeń
events-unsubscribe-done = Gotowe: na ten adres nie będziemy już wysyłać przypomnień ani zaproszeń. Potwierdzenia i odwołania będą nadal przychodzić.
